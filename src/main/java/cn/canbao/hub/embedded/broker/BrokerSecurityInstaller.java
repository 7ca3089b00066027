package cn.canbao.hub.embedded.broker;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives Boot's embedded broker the generated users before it starts. Boot's customizers only see the broker's
 * {@code Configuration}; the security manager is set on the server itself, so this runs between the broker
 * bean's creation and its {@code start}.
 */
class BrokerSecurityInstaller implements BeanPostProcessor {

    private final ObjectProvider<BrokerUsers> users;

    BrokerSecurityInstaller(ObjectProvider<BrokerUsers> users) {
        this.users = users;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof EmbeddedActiveMQ broker) {
            broker.setSecurityManager(BrokerSecurityManagers.forUsers(users.getObject()));
        }
        return bean;
    }
}
