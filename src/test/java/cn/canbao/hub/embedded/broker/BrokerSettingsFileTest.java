package cn.canbao.hub.embedded.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.canbao.hub.exchange.Queues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped broker settings: what the embedded broker applies is what an external one takes from broker.xml. */
class BrokerSettingsFileTest {

    private static final Path SHIPPED = Path.of("config/broker/canbao-broker.xml");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"canbao.in.pension.events", "canbao.out.medical.receipts", "canbao.in.national"})
    void anExternalBrokerWithTheElementsCopiedIntoItsBrokerXmlBehavesAsTheEmbeddedOne(String queue) throws Exception {
        Configuration embedded = new ConfigurationImpl();
        BrokerSettingsFile.applyTo(SHIPPED, embedded);
        Configuration external = externalBrokerWithTheShippedElements();

        AddressSettings ofEmbedded = embedded.getAddressSettings().get("canbao.#");
        AddressSettings ofExternal = external.getAddressSettings().get("canbao.#");
        assertThat(ofExternal).isEqualTo(ofEmbedded);
        assertThat(ofEmbedded.getMaxDeliveryAttempts()).isEqualTo(5);
        assertThat(ofEmbedded.getRedeliveryDelay()).isEqualTo(1000);
        assertThat(ofEmbedded.getDeadLetterAddress().toString()).isEqualTo(Queues.DEAD_LETTER_ADDRESS);
        assertThat(ofEmbedded.getDeadLetterQueuePrefix() + queue).isEqualTo(Queues.deadLetters(queue));
        assertThat(ofEmbedded.isAutoCreateDeadLetterResources()).isTrue();
        assertThat(external.getAddressSettings().get("canbao-dead-letters"))
                .isEqualTo(embedded.getAddressSettings().get("canbao-dead-letters"));
        for (Configuration broker : new Configuration[] {embedded, external}) {
            assertThat(broker.isPersistDeliveryCountBeforeDelivery()).isTrue();
            assertThat(broker.getIDCacheSize()).isEqualTo(100_000);
            assertThat(broker.isPersistIDCache()).isTrue();
            assertThat(broker.getMinDiskFree()).isEqualTo(1L << 30);
        }
    }

    @Test
    void keepsWhatTheFileDoesNotSay() {
        Configuration configuration = new ConfigurationImpl().setSecurityEnabled(true).setPersistenceEnabled(false)
                .setJournalDirectory("journal-of-the-hub");

        BrokerSettingsFile.applyTo(SHIPPED, configuration);

        assertThat(configuration.isSecurityEnabled()).isTrue();
        assertThat(configuration.isPersistenceEnabled()).isFalse();
        assertThat(configuration.getJournalDirectory()).isEqualTo("journal-of-the-hub");
    }

    @Test
    void refusesAnElementArtemisDoesNotKnowNamingTheFile() throws Exception {
        Path misspelt = directory.resolve("canbao-broker.xml");
        Files.writeString(misspelt, Files.readString(SHIPPED)
                .replace("<max-delivery-attempts>5</max-delivery-attempts>",
                        "<max-delivery-attemps>5</max-delivery-attemps>"));

        assertThatThrownBy(() -> BrokerSettingsFile.applyTo(misspelt, new ConfigurationImpl()))
                .hasMessageStartingWith("canbao.broker.settings " + misspelt.toAbsolutePath())
                .hasMessageContaining("max-delivery-attemps");
    }

    /** As an operator installs them: the elements inside the file's core pasted into a broker.xml's core. */
    private Configuration externalBrokerWithTheShippedElements() throws Exception {
        String shipped = Files.readString(SHIPPED);
        String elements = shipped.substring(shipped.indexOf('>', shipped.indexOf("<core xmlns")) + 1,
                shipped.lastIndexOf("</core>"));
        Path brokerXml = directory.resolve("broker.xml");
        Files.writeString(brokerXml, """
                <configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="urn:activemq /schema/artemis-configuration.xsd">
                   <core xmlns="urn:activemq:core">
                      <name>provincial-broker</name>
                      <persistence-enabled>false</persistence-enabled>
                      <acceptors><acceptor name="artemis">tcp://127.0.0.1:61616</acceptor></acceptors>
                """ + elements + """
                   </core>
                </configuration>
                """);
        FileConfiguration configuration = new FileConfiguration();
        new FileDeploymentManager(brokerXml.toUri().toString()).addDeployable(configuration).readConfiguration();
        return configuration;
    }
}
