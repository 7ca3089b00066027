package cn.canbao.hub.embedded.broker;

import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.JmsAccount;
import cn.canbao.hub.exchange.Queues;
import java.util.HashSet;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;

/**
 * Opens the embedded broker to partners the way the interface specification (§5) describes: a TCP acceptor,
 * security on, the granted queues pre-created as ANYCAST, and each partner allowed exactly its grants while the
 * hub may do everything. Redelivery, dead letters, duplicate detection and free disk are those of the broker
 * settings file a production broker takes too ({@link BrokerSettingsFile}).
 */
public class PartnerBrokerCustomizer implements ArtemisConfigurationCustomizer {

    /** Name of the acceptor partners connect to. */
    public static final String ACCEPTOR = "partners";
    private static final String EVERY_ADDRESS = "#";

    private final BrokerProperties settings;
    private final ExchangeAccounts accounts;

    public PartnerBrokerCustomizer(BrokerProperties settings, ExchangeAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.setSecurityEnabled(true);
        // stamps the authenticated user on every message, so the hub can tell who really sent it
        configuration.setPopulateValidatedUser(true);
        BrokerSettingsFile.applyTo(settings.settings(), configuration);
        int journalBufferTimeoutNanos = Math.toIntExact(settings.journalBufferTimeout().toNanos());
        configuration.setJournalBufferTimeout_NIO(journalBufferTimeoutNanos);
        configuration.setJournalBufferTimeout_AIO(journalBufferTimeoutNanos);
        addPartnerAcceptor(configuration);
        configuration.putSecurityRoles(EVERY_ADDRESS, Set.of(hubRole()));
        CoreAddressConfiguration deadLetters = new CoreAddressConfiguration().setName(Queues.DEAD_LETTER_ADDRESS)
                .addRoutingType(RoutingType.ANYCAST);
        accounts.grantedQueues().forEach(queue -> {
            configuration.addAddressConfiguration(anycastQueue(queue));
            configuration.putSecurityRoles(queue, rolesOn(queue));
            deadLetters.addQueueConfiguration(deadLetterQueue(queue));
        });
        configuration.addAddressConfiguration(deadLetters);
    }

    private void addPartnerAcceptor(Configuration configuration) {
        String url = new PartnerAcceptor(settings.host(), settings.port()).url();
        try {
            configuration.addAcceptorConfiguration(ACCEPTOR, url);
        } catch (Exception e) {
            throw new IllegalStateException("canbao.broker.host/port: cannot build the acceptor " + url, e);
        }
    }

    /** Artemis applies the roles of the most specific match only, so every queue's roles include the hub's. */
    private Set<Role> rolesOn(String queue) {
        Set<Role> roles = new HashSet<>();
        roles.add(hubRole());
        for (JmsAccount partner : accounts.jms()) {
            boolean sends = partner.sends().contains(queue);
            boolean consumes = partner.consumes().contains(queue);
            if (sends || consumes) {
                Role role = new Role();
                role.setName(partner.name());
                role.setSend(sends);
                role.setConsume(consumes);
                roles.add(role);
            }
        }
        return roles;
    }

    private static Role hubRole() {
        // send, consume, create/delete durable and non-durable queues, manage, browse,
        // create/delete addresses, view, edit
        return new Role(ExchangeAccounts.HUB, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    /**
     * The dead-letter queue the broker would create at the queue's first dead letter, made at start so that an
     * operator's replay and a consumer by its full name ({@code canbao-dead-letters::DLQ.<queue>}) find it before.
     */
    private static QueueConfiguration deadLetterQueue(String queue) {
        return QueueConfiguration.of(Queues.deadLetters(queue)).setAddress(Queues.DEAD_LETTER_ADDRESS)
                .setRoutingType(RoutingType.ANYCAST).setDurable(true)
                .setFilterString("_AMQ_ORIG_ADDRESS = '" + queue + "'");
    }

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setAddress(name)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }
}
