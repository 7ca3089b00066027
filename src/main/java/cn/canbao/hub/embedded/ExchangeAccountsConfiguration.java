package cn.canbao.hub.embedded;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The partner accounts, needed only while the hub runs the exchange servers itself; with an external OpenSSH
 * server and broker, accounts are managed there and {@code canbao.exchange} is not read.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExchangeAccountsConfiguration.EmbeddedServerEnabled.class)
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeAccountsConfiguration {

    @Bean
    ExchangeAccounts exchangeAccounts(ExchangeProperties properties, ResourceLoader resources) {
        return ExchangeAccounts.resolve(properties, resources);
    }

    static final class EmbeddedServerEnabled extends AnyNestedCondition {

        EmbeddedServerEnabled() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBooleanProperty(name = "canbao.sftp.enabled", matchIfMissing = true)
        static final class EmbeddedSftp {
        }

        @ConditionalOnBooleanProperty(name = "canbao.broker.embedded", matchIfMissing = true)
        static final class EmbeddedBroker {
        }
    }
}
