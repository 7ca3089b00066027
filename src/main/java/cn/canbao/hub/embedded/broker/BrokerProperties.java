package cn.canbao.hub.embedded.broker;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param journalBufferTimeout how long the embedded broker's journal gathers writes before it syncs them to disk:
 *                             each transacted receive-and-reply (an event and its receipt) waits for that sync.
 *                             Artemis' default for its NIO journal, 3.3 ms, is meant for a disk it knows nothing
 *                             of; {@code artemis create} measures a province broker's disk and writes the value it
 *                             can take into that broker's broker.xml (72 µs on the benchmark machine's disk)
 */
@ConfigurationProperties("canbao.broker")
public record BrokerProperties(@DefaultValue("true") boolean embedded,
                               @DefaultValue("127.0.0.1") String host,
                               @DefaultValue("61616") int port,
                               @DefaultValue("config/broker/canbao-broker.xml") Path settings,
                               @DefaultValue("100us") Duration journalBufferTimeout) {

    public BrokerProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("canbao.broker.host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("canbao.broker.port " + port + " is not a port (0 picks a free one)");
        }
        if (journalBufferTimeout == null || journalBufferTimeout.isNegative()) {
            throw new IllegalArgumentException("canbao.broker.journal-buffer-timeout must be 0 or more, e.g. 100us");
        }
    }
}
