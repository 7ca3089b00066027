package cn.canbao.hub.embedded.broker;

import cn.canbao.hub.exchange.ExchangeAccounts;
import org.springframework.boot.artemis.autoconfigure.ArtemisConnectionDetails;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;

/**
 * The hub's own connection to the embedded broker: in-VM, authenticated as {@code hub}. Boot's embedded mode
 * connects without credentials, which a secured broker refuses, so this names the in-VM acceptor as a broker URL
 * and lets Boot's native mode log in; Spring's JMS template, listeners, health check and Camel's {@code jms:}
 * component all share the resulting connection factory.
 */
class HubBrokerConnectionDetails implements ArtemisConnectionDetails {

    private final int serverId;
    private final BrokerUsers users;

    HubBrokerConnectionDetails(int serverId, BrokerUsers users) {
        this.serverId = serverId;
        this.users = users;
    }

    @Override
    public ArtemisMode getMode() {
        return ArtemisMode.NATIVE;
    }

    @Override
    public String getBrokerUrl() {
        return "vm://" + serverId;
    }

    @Override
    public String getUser() {
        return ExchangeAccounts.HUB;
    }

    @Override
    public String getPassword() {
        return users.password(ExchangeAccounts.HUB);
    }
}
