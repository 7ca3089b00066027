package cn.canbao.hub.embedded;

import cn.canbao.hub.embedded.broker.BrokerProperties;
import cn.canbao.hub.embedded.sftp.EmbeddedSftpServer;
import cn.canbao.hub.embedded.sftp.SftpProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.artemis.autoconfigure.ArtemisConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's side of the exchange in every deployment shape: with the embedded servers their bound ports and
 * generated credentials, otherwise the configured host and port, the key files the operator put under the data
 * directory, and {@code spring.artemis.user/password}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SftpProperties.class, BrokerProperties.class})
public class ExchangeCredentialsConfiguration {

    @Bean
    ExchangeLayout exchangeLayout(@Value("${canbao.data-dir}") Path dataDir) {
        return new ExchangeLayout(dataDir);
    }

    @Bean
    ExchangeCredentials exchangeCredentials(ExchangeLayout layout, SftpProperties sftp,
                                            ObjectProvider<EmbeddedSftpServer> embeddedSftp,
                                            ObjectProvider<ArtemisConnectionDetails> broker) {
        EmbeddedSftpServer server = embeddedSftp.getIfAvailable();
        ArtemisConnectionDetails brokerConnection = broker.getIfAvailable();
        return new ExchangeCredentials(
                server != null ? server.clientHost() : sftp.host(),
                server != null ? server.port() : sftp.port(),
                ExchangeAccounts.HUB,
                layout.sftpPrivateKey(ExchangeAccounts.HUB),
                layout.knownHosts(),
                brokerConnection != null ? brokerConnection.getUser() : null,
                brokerConnection != null ? brokerConnection.getPassword() : null);
    }
}
