package cn.canbao.hub.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SFTP exchange server: embedded in the default run; in production the provincial OpenSSH server, which
 * the hub reaches at the same host and port options with its key and known_hosts under the data directory.
 *
 * @param enabled      start the embedded server
 * @param host         address the embedded server listens on, and the hub connects to
 * @param port         its port; 0 picks a free one
 * @param passwordAuth also accept each account's generated password, for partner software that cannot use keys
 */
@ConfigurationProperties("canbao.sftp")
public record SftpProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("127.0.0.1") String host,
                             @DefaultValue("2222") int port,
                             @DefaultValue("false") boolean passwordAuth) {

    public SftpProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("canbao.sftp.host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("canbao.sftp.port " + port + " is not a port (0 picks a free one)");
        }
    }
}
