package cn.canbao.hub.exchange;

import java.nio.file.Path;

/**
 * How the hub itself reaches the exchange: the SFTP server it logs in to as {@link #sftpUser()} with its private
 * key, checking the host key against {@link #knownHosts()}, and its broker user. The same in the embedded run
 * (generated credentials, bound ports) and in production (the operator's files under the data directory and
 * {@code spring.artemis.user/password}).
 *
 * <p>For camel-sftp: {@code sftp:{{bean:exchangeCredentials.sftpHost}}:{{bean:exchangeCredentials.sftpPort}}/…
 * ?username=hub&privateKeyFile=…&knownHostsFile=…&strictHostKeyChecking=yes&useUserKnownHostsFile=false}.
 *
 * @param sftpHost       host of the exchange server
 * @param sftpPort       its port
 * @param sftpUser       the hub's account, whose home is the exchange root
 * @param sftpPrivateKey the hub's OpenSSH private key
 * @param knownHosts     known_hosts file holding the exchange server's host key
 * @param brokerUser     the hub's broker user
 * @param brokerPassword its password; never logged, and masked in {@link #toString()}
 */
public record ExchangeCredentials(String sftpHost, int sftpPort, String sftpUser, Path sftpPrivateKey,
                                  Path knownHosts, String brokerUser, String brokerPassword) {

    /**
     * The key file's path for a route URI. Camel converts a {@link Path} to text by reading the file, which
     * would put the key itself into the URI (and into error messages): routes use these two instead.
     */
    public String sftpPrivateKeyPath() {
        return sftpPrivateKey.toAbsolutePath().toString();
    }

    /** The known_hosts file's path for a route URI; see {@link #sftpPrivateKeyPath()}. */
    public String knownHostsPath() {
        return knownHosts.toAbsolutePath().toString();
    }

    @Override
    public String toString() {
        return "ExchangeCredentials[sftp=" + sftpUser + "@" + sftpHost + ":" + sftpPort
                + ", sftpPrivateKey=" + sftpPrivateKey + ", knownHosts=" + knownHosts
                + ", brokerUser=" + brokerUser + ", brokerPassword=******]";
    }
}
