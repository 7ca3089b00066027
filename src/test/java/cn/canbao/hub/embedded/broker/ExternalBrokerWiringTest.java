package cn.canbao.hub.embedded.broker;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.embedded.ExchangeAccountsConfiguration;
import cn.canbao.hub.embedded.sftp.EmbeddedSftpConfiguration;
import cn.canbao.hub.embedded.sftp.EmbeddedSftpServer;
import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.ExchangeCredentials;
import cn.canbao.hub.exchange.ExchangeCredentialsConfiguration;
import cn.canbao.hub.exchange.JmsAccount;
import jakarta.jms.Message;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.artemis.autoconfigure.ArtemisAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jms.core.JmsTemplate;

/** Production shape: an external broker and exchange server, reached with configured credentials. */
class ExternalBrokerWiringTest {

    private static final ExchangeAccounts ACCOUNTS = new ExchangeAccounts(List.of(), List.of(
            new JmsAccount("pension", List.of("canbao.in.pension.events"), List.of("canbao.out.pension.receipts"))));

    @TempDir
    Path brokerDir;
    @TempDir
    Path dataDir;

    @Test
    void hubUsesTheConfiguredBrokerAndExchangeServerWithoutStartingEmbeddedOnes() throws Exception {
        try (SecuredTestBroker external = SecuredTestBroker.start(brokerDir, ACCOUNTS)) {
            String hubPassword = external.users().password("hub");
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(ArtemisAutoConfiguration.class, JmsAutoConfiguration.class))
                    .withUserConfiguration(ExchangeCredentialsConfiguration.class, ExchangeAccountsConfiguration.class,
                            EmbeddedSftpConfiguration.class, EmbeddedBrokerConfiguration.class)
                    .withPropertyValues(
                            "canbao.data-dir=" + dataDir,
                            "canbao.sftp.enabled=false",
                            "canbao.sftp.host=exchange.example.gov.cn",
                            "canbao.sftp.port=22",
                            "canbao.broker.embedded=false",
                            "spring.artemis.mode=native",
                            "spring.artemis.embedded.enabled=false",
                            "spring.artemis.broker-url=" + external.url(),
                            "spring.artemis.user=hub",
                            "spring.artemis.password=" + hubPassword)
                    .run(context -> {
                        assertThat(context).hasNotFailed()
                                .doesNotHaveBean(ExchangeAccounts.class)
                                .doesNotHaveBean(EmbeddedSftpServer.class)
                                .doesNotHaveBean(EmbeddedActiveMQ.class)
                                .doesNotHaveBean(BrokerUsers.class);

                        ExchangeCredentials credentials = context.getBean(ExchangeCredentials.class);
                        assertThat(credentials.sftpHost()).isEqualTo("exchange.example.gov.cn");
                        assertThat(credentials.sftpPort()).isEqualTo(22);
                        assertThat(credentials.sftpPrivateKey()).isEqualTo(dataDir.resolve("secrets/sftp/hub"));
                        assertThat(credentials.knownHosts()).isEqualTo(dataDir.resolve("secrets/known_hosts"));
                        assertThat(credentials.brokerUser()).isEqualTo("hub");
                        assertThat(credentials.brokerPassword()).isEqualTo(hubPassword);

                        JmsTemplate jms = context.getBean(JmsTemplate.class);
                        jms.setReceiveTimeout(5_000);
                        jms.convertAndSend("canbao.out.pension.receipts", "{\"eventId\":\"ext-1\"}");
                        Message receipt = jms.receive("canbao.out.pension.receipts");
                        assertThat(receipt.getStringProperty("_AMQ_VALIDATED_USER")).isEqualTo("hub");
                    });
        }
    }
}
