package cn.canbao.hub.embedded.broker;

/**
 * Where partners' JMS clients reach the embedded broker.
 *
 * @param host address of the TCP acceptor
 * @param port the port bound, which differs from {@code canbao.broker.port} when that is 0
 */
public record PartnerAcceptor(String host, int port) {

    /** The broker URL a partner's Artemis JMS client uses. */
    public String url() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
