package cn.canbao.hub.embedded.sftp;

import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.exchange.ExchangeServerAddress;
import cn.canbao.hub.exchange.SftpProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded SFTP exchange server unless {@code canbao.sftp.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "canbao.sftp.enabled", matchIfMissing = true)
public class EmbeddedSftpConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedSftpServer embeddedSftpServer(SftpProperties settings, ExchangeLayout layout, ExchangeAccounts accounts) {
        return new EmbeddedSftpServer(settings, layout, accounts.sftp());
    }

    /** The hub's own client connects to the port bound, which differs from the configured one when that is 0. */
    @Bean
    ExchangeServerAddress embeddedExchangeServerAddress(EmbeddedSftpServer server) {
        return new ExchangeServerAddress(server.clientHost(), server.port());
    }

    @Bean
    SftpHealthIndicator sftpHealthIndicator(EmbeddedSftpServer server) {
        return new SftpHealthIndicator(server);
    }
}
