package cn.canbao.hub.exchange;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.artemis.autoconfigure.ArtemisConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's side of the exchange in every deployment shape: with the embedded servers their bound address and
 * generated credentials, otherwise the configured host and port, the key files the operator put under the data
 * directory, and {@code spring.artemis.user/password}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SftpProperties.class)
public class ExchangeCredentialsConfiguration {

    @Bean
    ExchangeLayout exchangeLayout(@Value("${canbao.data-dir}") Path dataDir) {
        return new ExchangeLayout(dataDir);
    }

    @Bean
    ExchangeCredentials exchangeCredentials(ExchangeLayout layout, SftpProperties sftp,
                                            ObjectProvider<ExchangeServerAddress> embeddedSftp,
                                            ObjectProvider<ArtemisConnectionDetails> broker) {
        ExchangeServerAddress server = embeddedSftp.getIfAvailable(
                () -> new ExchangeServerAddress(sftp.host(), sftp.port()));
        ArtemisConnectionDetails brokerConnection = broker.getIfAvailable();
        return new ExchangeCredentials(
                server.host(),
                server.port(),
                ExchangeAccounts.HUB,
                layout.sftpPrivateKey(ExchangeAccounts.HUB),
                layout.knownHosts(),
                brokerConnection != null ? brokerConnection.getUser() : null,
                brokerConnection != null ? brokerConnection.getPassword() : null);
    }
}
