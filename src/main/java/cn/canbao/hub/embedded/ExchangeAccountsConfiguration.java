package cn.canbao.hub.embedded;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.TransportSpec;
import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.ExchangeProperties;
import cn.canbao.hub.exchange.ExchangeProperties.JmsPartner;
import cn.canbao.hub.exchange.ExchangeProperties.SftpPartners;
import cn.canbao.hub.exchange.Queues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    ExchangeAccounts exchangeAccounts(ExchangeProperties properties, ResourceLoader resources,
                                      ConnectorCatalog connectors) {
        return ExchangeAccounts.resolve(withConnectorAccounts(properties, connectors), resources);
    }

    /**
     * Adds the accounts that connector descriptors name but config/exchange.yaml does not list, so that in
     * the embedded run adding a system is adding its descriptor.
     */
    static ExchangeProperties withConnectorAccounts(ExchangeProperties properties, ConnectorCatalog connectors) {
        List<String> sftp = new ArrayList<>(properties.sftpPartners().accounts());
        Map<String, JmsPartner> jms = new LinkedHashMap<>(properties.jmsPartners());
        for (Connector connector : connectors.all()) {
            String name = connector.system().toLowerCase(Locale.ROOT);
            connector.descriptor().transport(TransportKind.SFTP_BATCH_IN).map(TransportSpec::account)
                    .filter(account -> !sftp.contains(account)).ifPresent(sftp::add);
            connector.descriptor().transport(TransportKind.JMS_EVENTS_IN)
                    .filter(transport -> !jms.containsKey(name))
                    .ifPresent(transport -> jms.put(name, new JmsPartner(
                            List.of(transport.eventsQueue(connector.system())),
                            List.of(Queues.receipts(connector.system()), Queues.alerts(connector.system())))));
        }
        return new ExchangeProperties(new SftpPartners(sftp, properties.sftpPartners().folders()),
                properties.countyAgencies(), jms);
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
