package cn.canbao.hub.embedded.broker;

import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/** The embedded broker's security manager: the generated users, each in a role of its own name. */
final class BrokerSecurityManagers {

    private BrokerSecurityManagers() {
    }

    static ActiveMQJAASSecurityManager forUsers(BrokerUsers users) {
        SecurityConfiguration configuration = new SecurityConfiguration();
        users.passwordsByUser().forEach((user, password) -> {
            configuration.addUser(user, password);
            configuration.addRole(user, user);
        });
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), configuration);
    }
}
