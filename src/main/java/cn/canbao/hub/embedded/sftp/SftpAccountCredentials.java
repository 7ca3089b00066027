package cn.canbao.hub.embedded.sftp;

import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.exchange.SecretFiles;
import cn.canbao.hub.exchange.SftpAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.List;

/**
 * Gives every SFTP account a key pair on first start, and authorises its public key in the account's
 * authorized_keys file; where an operator adds a partner's own key, or removes the generated one to revoke it.
 * Existing files are left as they are.
 */
final class SftpAccountCredentials {

    private final ExchangeLayout layout;

    SftpAccountCredentials(ExchangeLayout layout) {
        this.layout = layout;
    }

    /** @return how many accounts got a new key pair */
    int generateMissing(List<SftpAccount> accounts, boolean withPasswords) throws IOException {
        SecretFiles.createOwnerOnlyDirectory(layout.sftpSecrets());
        int generated = 0;
        for (SftpAccount account : accounts) {
            if (generateKeyUnlessPresent(account.name())) {
                generated++;
            }
            if (withPasswords && Files.notExists(layout.sftpPassword(account.name()))) {
                SecretFiles.writeOwnerOnly(layout.sftpPassword(account.name()),
                        SecretFiles.randomPassword().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return generated;
    }

    /** Read on every use, so an operator can change a password without a restart. */
    String password(String account) {
        try {
            return Files.readString(layout.sftpPassword(account), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SFTP password of " + account, e);
        }
    }

    private boolean generateKeyUnlessPresent(String account) throws IOException {
        String comment = account + "@canbao-hub";
        KeyPair keyPair = SshKeyFiles.generateUnlessPresent(layout.sftpPrivateKey(account), comment);
        if (keyPair == null) {
            return false;
        }
        if (Files.notExists(layout.sftpAuthorizedKeys(account))) {
            SecretFiles.writeOwnerOnly(layout.sftpAuthorizedKeys(account),
                    SshKeyFiles.publicKeyLine(keyPair.getPublic(), comment));
        }
        return true;
    }
}
