package cn.canbao.hub.exchange;

/**
 * Where the hub reaches an exchange server that runs in its own JVM: the embedded server supplies it once it
 * listens, as only then is its port known. Without one the hub reaches {@code canbao.sftp.host} and
 * {@code canbao.sftp.port}.
 *
 * @param host address the hub connects to
 * @param port the port the server bound
 */
public record ExchangeServerAddress(String host, int port) {
}
