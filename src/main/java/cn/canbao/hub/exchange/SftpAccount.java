package cn.canbao.hub.exchange;

import java.nio.file.Path;
import java.util.List;

/**
 * An account of the SFTP exchange server.
 *
 * @param name    login name
 * @param home    home folder relative to the exchange root; empty for the hub, whose home is the root itself
 * @param folders sub-folders of the home that exist from the start
 */
public record SftpAccount(String name, Path home, List<String> folders) {

    public SftpAccount {
        folders = List.copyOf(folders);
    }

    public static SftpAccount partner(String name, List<String> folders) {
        return new SftpAccount(name, Path.of(name), folders);
    }

    public static SftpAccount hub() {
        return new SftpAccount(ExchangeAccounts.HUB, Path.of(""), List.of());
    }
}
