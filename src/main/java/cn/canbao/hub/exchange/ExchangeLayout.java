package cn.canbao.hub.exchange;

import java.nio.file.Path;

/**
 * Where the exchange's files live under the hub's data directory. The embedded exchange keeps the SFTP homes under
 * {@code exchange/}, and under {@code secrets/} the host key, the known_hosts line clients check it against, each
 * SFTP account's key pair and authorized_keys, and each broker user's password. With an external exchange server
 * the operator puts the hub's own key and the server's known_hosts line at the same places.
 */
public record ExchangeLayout(Path dataDir) {

    public Path exchangeRoot() {
        return dataDir.resolve("exchange");
    }

    public Path secrets() {
        return dataDir.resolve("secrets");
    }

    public Path hostKey() {
        return secrets().resolve("host_key");
    }

    public Path knownHosts() {
        return secrets().resolve("known_hosts");
    }

    public Path sftpSecrets() {
        return secrets().resolve("sftp");
    }

    /** OpenSSH private key of the account; its public key sits beside it with {@code .pub}. */
    public Path sftpPrivateKey(String account) {
        return sftpSecrets().resolve(account);
    }

    public Path sftpPublicKey(String account) {
        return sftpSecrets().resolve(account + ".pub");
    }

    /** The keys the server accepts for the account, one OpenSSH public key a line; an operator may add more. */
    public Path sftpAuthorizedKeys(String account) {
        return sftpSecrets().resolve(account + ".authorized_keys");
    }

    /** Only written when {@code canbao.sftp.password-auth} is on. */
    public Path sftpPassword(String account) {
        return sftpSecrets().resolve(account + ".password");
    }

    public Path brokerSecrets() {
        return secrets().resolve("broker");
    }

    /** {@code user=…} and {@code password=…} of a broker user. */
    public Path brokerCredentials(String account) {
        return brokerSecrets().resolve(account + ".properties");
    }
}
