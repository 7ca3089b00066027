package cn.canbao.hub.embedded.sftp;

import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.exchange.SftpAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;

/** Who may log in as which account: only the declared accounts, each with its own keys or password. */
final class AccountAuthenticators {

    private AccountAuthenticators() {
    }

    /**
     * Checks a key against the account's authorized_keys file, which is re-read when it changes, so an added or
     * revoked key takes effect without a restart.
     */
    static PublickeyAuthenticator publicKeys(ExchangeLayout layout, List<SftpAccount> accounts) {
        Map<String, AuthorizedKeysAuthenticator> byAccount = accounts.stream()
                .map(SftpAccount::name)
                .collect(Collectors.toUnmodifiableMap(Function.identity(),
                        account -> new AuthorizedKeysAuthenticator(layout.sftpAuthorizedKeys(account))));
        return (username, key, session) -> {
            AuthorizedKeysAuthenticator authorizedKeys = byAccount.get(username);
            return authorizedKeys != null && authorizedKeys.authenticate(username, key, session);
        };
    }

    /** Compares with the account's password file in constant time. */
    static PasswordAuthenticator passwords(SftpAccountCredentials credentials, List<SftpAccount> accounts) {
        Set<String> names = accounts.stream().map(SftpAccount::name).collect(Collectors.toUnmodifiableSet());
        return (username, password, session) -> names.contains(username) && password != null
                && MessageDigest.isEqual(credentials.password(username).getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
    }
}
