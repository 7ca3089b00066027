package cn.canbao.hub.embedded.broker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The broker partners exchange JMS messages with: the embedded Artemis of the default run, secured with
 * the generated accounts, or in production an external one ({@code embedded=false} and {@code spring.artemis.*}).
 *
 * @param embedded             run the embedded broker with partner accounts and a TCP acceptor
 * @param host                 address of the TCP acceptor partners connect to
 * @param port                 its port; 0 picks a free one
 * @param maxDeliveryAttempts  deliveries of a message before it moves to {@code DLQ.<queue>}
 * @param redeliveryDelay      wait before a rolled-back message is delivered again
 * @param minDiskFree          free space on the broker's disk below which it stops taking messages
 */
@ConfigurationProperties("canbao.broker")
public record BrokerProperties(@DefaultValue("true") boolean embedded,
                               @DefaultValue("127.0.0.1") String host,
                               @DefaultValue("61616") int port,
                               @DefaultValue("5") int maxDeliveryAttempts,
                               @DefaultValue("1s") Duration redeliveryDelay,
                               @DefaultValue("1GB") DataSize minDiskFree) {

    public BrokerProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("canbao.broker.host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("canbao.broker.port " + port + " is not a port (0 picks a free one)");
        }
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException("canbao.broker.max-delivery-attempts must be at least 1, was "
                    + maxDeliveryAttempts);
        }
        if (redeliveryDelay.isNegative()) {
            throw new IllegalArgumentException("canbao.broker.redelivery-delay must not be negative, was "
                    + redeliveryDelay);
        }
        if (minDiskFree.toBytes() <= 0) {
            throw new IllegalArgumentException("canbao.broker.min-disk-free must be positive, was " + minDiskFree);
        }
    }
}
