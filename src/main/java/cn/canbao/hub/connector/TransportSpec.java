package cn.canbao.hub.connector;

import cn.canbao.hub.exchange.Queues;
import java.util.Map;

/**
 * One way a connector's records arrive.
 *
 * @param kind      the transport template
 * @param account   SFTP: the partner account whose {@code in/} folder is polled
 * @param extension SFTP: the data file extension ({@code csv}, {@code txt}, …)
 * @param queue     JMS: the events queue; defaults to {@code canbao.in.{system}.events}
 * @param rename    JMS: event field name → the mapping's source field name, where the event names differ
 * @param table     SQL: the front database's exchange table
 * @param pollDelay milliseconds between polls (SFTP and SQL)
 */
public record TransportSpec(TransportKind kind, String account, String extension, String queue,
                            Map<String, String> rename, String table, Long pollDelay) {

    public TransportSpec {
        rename = rename == null ? Map.of() : Map.copyOf(rename);
    }

    /** The queue a JMS transport's events arrive on: the descriptor's, or the spec's for the system. */
    public String eventsQueue(String system) {
        return queue != null ? queue : Queues.events(system);
    }
}
