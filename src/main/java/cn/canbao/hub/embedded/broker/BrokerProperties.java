package cn.canbao.hub.embedded.broker;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broker partners exchange JMS messages with: the embedded Artemis of the default run, secured with
 * the generated accounts, or in production an external one ({@code embedded=false} and {@code spring.artemis.*}).
 *
 * @param embedded             run the embedded broker with partner accounts and a TCP acceptor
 * @param host                 address of the TCP acceptor partners connect to
 * @param port                 its port; 0 picks a free one
 * @param settings             the broker settings file (redelivery, dead letters, duplicate detection, free disk)
 *                             the embedded broker applies, as a production broker's broker.xml holds them
 */
@ConfigurationProperties("canbao.broker")
public record BrokerProperties(@DefaultValue("true") boolean embedded,
                               @DefaultValue("127.0.0.1") String host,
                               @DefaultValue("61616") int port,
                               @DefaultValue("config/broker/canbao-broker.xml") Path settings) {

    public BrokerProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("canbao.broker.host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("canbao.broker.port " + port + " is not a port (0 picks a free one)");
        }
    }
}
