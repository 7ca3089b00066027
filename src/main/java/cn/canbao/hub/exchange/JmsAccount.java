package cn.canbao.hub.exchange;

import java.util.List;

/**
 * A broker user of the embedded exchange and the only queues it may use.
 *
 * @param name     broker user name
 * @param sends    queues it may send to
 * @param consumes queues it may consume from
 */
public record JmsAccount(String name, List<String> sends, List<String> consumes) {

    public JmsAccount {
        sends = List.copyOf(sends);
        consumes = List.copyOf(consumes);
    }
}
