package cn.canbao.hub.embedded.sftp;

import cn.canbao.hub.embedded.ExchangeAccounts;
import cn.canbao.hub.embedded.ExchangeLayout;
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

    @Bean
    SftpHealthIndicator sftpHealthIndicator(EmbeddedSftpServer server) {
        return new SftpHealthIndicator(server);
    }
}
