package cn.canbao.hub.reliability.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * The ports of one harness run, the same for every start of the hub in it: a restarted hub must be where its
 * partners and its own leftover PostgreSQL expect it.
 */
public record HubPorts(int sftp, int broker, int database, int http) {

    public static HubPorts free() {
        try (ServerSocket sftp = new ServerSocket(0); ServerSocket broker = new ServerSocket(0);
             ServerSocket database = new ServerSocket(0); ServerSocket http = new ServerSocket(0)) {
            return new HubPorts(sftp.getLocalPort(), broker.getLocalPort(), database.getLocalPort(),
                    http.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> arguments() {
        return List.of("--canbao.sftp.port=" + sftp, "--canbao.broker.port=" + broker,
                "--canbao.database.embedded-port=" + database, "--server.port=" + http);
    }
}
