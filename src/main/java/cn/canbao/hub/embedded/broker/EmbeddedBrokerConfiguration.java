package cn.canbao.hub.embedded.broker;

import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.ExchangeLayout;
import java.io.IOException;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.artemis.autoconfigure.ArtemisConnectionDetails;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Secures Boot's embedded Artemis ({@code spring.artemis.embedded.*}) for partners: generated users, a TCP
 * acceptor, least-privilege roles and dead-letter queues. Production sets {@code canbao.broker.embedded=false} and
 * uses an external broker through {@code spring.artemis.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "canbao.broker.embedded", matchIfMissing = true)
@EnableConfigurationProperties(BrokerProperties.class)
public class EmbeddedBrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    @Bean
    BrokerUsers brokerUsers(ExchangeLayout layout, ExchangeAccounts accounts) throws IOException {
        return BrokerUsers.generateMissing(layout, accounts.brokerUsers());
    }

    @Bean
    PartnerBrokerCustomizer partnerBrokerCustomizer(BrokerProperties settings, ExchangeAccounts accounts) {
        return new PartnerBrokerCustomizer(settings, accounts);
    }

    @Bean
    static BrokerSecurityInstaller brokerSecurityInstaller(ObjectProvider<BrokerUsers> users) {
        return new BrokerSecurityInstaller(users);
    }

    @Bean
    ArtemisConnectionDetails hubBrokerConnectionDetails(ArtemisProperties artemis, BrokerUsers users) {
        return new HubBrokerConnectionDetails(artemis.getEmbedded().getServerId(), users);
    }

    @Bean
    PartnerAcceptor partnerAcceptor(EmbeddedActiveMQ broker, BrokerProperties settings, BrokerUsers users,
                                    ExchangeLayout layout) {
        NettyAcceptor acceptor = (NettyAcceptor) broker.getActiveMQServer().getRemotingService()
                .getAcceptor(PartnerBrokerCustomizer.ACCEPTOR);
        PartnerAcceptor partnerAcceptor = new PartnerAcceptor(settings.host(), acceptor.getActualPort());
        log.info("Broker accepting partners at {} for {} users; their credentials are in {} ({} generated now)",
                partnerAcceptor.url(), users.passwordsByUser().size(), layout.brokerSecrets().toAbsolutePath(),
                users.generated());
        return partnerAcceptor;
    }
}
