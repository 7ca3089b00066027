package cn.canbao.hub.embedded.broker;

import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.JmsAccount;
import java.util.HashSet;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;

/**
 * Opens the embedded broker to partners the way the interface specification (§5) describes: a TCP acceptor,
 * security on, the granted queues pre-created as ANYCAST, and each partner allowed exactly its grants while the
 * hub may do everything. A message that fails {@code max-delivery-attempts} times moves to {@code DLQ.<queue>}.
 */
public class PartnerBrokerCustomizer implements ArtemisConfigurationCustomizer {

    /** Name of the acceptor partners connect to. */
    public static final String ACCEPTOR = "partners";
    public static final String DEAD_LETTER_PREFIX = "DLQ.";
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
        // blocks producers when the disk's free space runs short, instead of at Artemis' default of 90 % of the disk
        // used: a large disk 91 % full, with 23 GB still free, held back every alert and receipt
        configuration.setMinDiskFree(settings.minDiskFree().toBytes());
        // the embedded broker dies with the hub's JVM: without the delivery count in its journal, an event the hub had
        // stored but not yet acknowledged comes back after a restart as a first delivery (JMSRedelivered false), and
        // the hub answers DUPLICATE instead of re-sending the receipt it stored (docs/reliability.md)
        configuration.setPersistDeliveryCountBeforeDelivery(true);
        addPartnerAcceptor(configuration);
        redeliverEverywhere(configuration);
        configuration.putSecurityRoles(EVERY_ADDRESS, Set.of(hubRole()));
        accounts.grantedQueues().forEach(queue -> {
            String deadLetters = DEAD_LETTER_PREFIX + queue;
            configuration.addAddressConfiguration(anycastQueue(queue));
            configuration.addAddressConfiguration(anycastQueue(deadLetters));
            configuration.addAddressSetting(queue, redelivery().setDeadLetterAddress(SimpleString.of(deadLetters)));
            configuration.putSecurityRoles(queue, rolesOn(queue));
        });
    }

    private void addPartnerAcceptor(Configuration configuration) {
        String url = new PartnerAcceptor(settings.host(), settings.port()).url();
        try {
            configuration.addAcceptorConfiguration(ACCEPTOR, url);
        } catch (Exception e) {
            throw new IllegalStateException("canbao.broker.host/port: cannot build the acceptor " + url, e);
        }
    }

    /** Keeps whatever else the catch-all settings say (Boot sends dead letters of other queues to DLQ). */
    private void redeliverEverywhere(Configuration configuration) {
        AddressSettings everyAddress = configuration.getAddressSettings().get(EVERY_ADDRESS);
        if (everyAddress == null) {
            configuration.addAddressSetting(EVERY_ADDRESS, redelivery());
        } else {
            everyAddress.setMaxDeliveryAttempts(settings.maxDeliveryAttempts())
                    .setRedeliveryDelay(settings.redeliveryDelay().toMillis());
        }
    }

    private AddressSettings redelivery() {
        return new AddressSettings()
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts())
                .setRedeliveryDelay(settings.redeliveryDelay().toMillis());
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

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setAddress(name)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }
}
