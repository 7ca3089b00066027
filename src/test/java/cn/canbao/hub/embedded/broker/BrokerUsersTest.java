package cn.canbao.hub.embedded.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.canbao.hub.exchange.ExchangeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerUsersTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAPasswordFileReadableByTheOwnerOnly() throws Exception {
        ExchangeLayout layout = new ExchangeLayout(dataDir);
        BrokerUsers users = BrokerUsers.generateMissing(layout, List.of("hub", "pension"));

        Path pension = layout.brokerCredentials("pension");
        assertThat(pension).hasContent("user=pension\npassword=" + users.password("pension"));
        assertThat(users.password("pension")).hasSize(32).isNotEqualTo(users.password("hub"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pension))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.brokerSecrets())))
                .isEqualTo("rwx------");
        assertThat(users.generated()).isEqualTo(2);
        assertThat(users.toString()).doesNotContain(users.password("pension"));
    }

    @Test
    void keepsExistingPasswordsAcrossRestartsAndAddsNewUsers() throws Exception {
        ExchangeLayout layout = new ExchangeLayout(dataDir);
        BrokerUsers first = BrokerUsers.generateMissing(layout, List.of("hub", "pension"));
        byte[] pensionFile = Files.readAllBytes(layout.brokerCredentials("pension"));

        BrokerUsers second = BrokerUsers.generateMissing(layout, List.of("hub", "pension", "national"));

        assertThat(second.password("pension")).isEqualTo(first.password("pension"));
        assertThat(second.password("hub")).isEqualTo(first.password("hub"));
        assertThat(Files.readAllBytes(layout.brokerCredentials("pension"))).isEqualTo(pensionFile);
        assertThat(second.generated()).isEqualTo(1);
    }

    @Test
    void refusesACredentialsFileForAnotherUser() throws Exception {
        ExchangeLayout layout = new ExchangeLayout(dataDir);
        Files.createDirectories(layout.brokerSecrets());
        Files.writeString(layout.brokerCredentials("pension"), "user=medical\npassword=secret\n");

        assertThatThrownBy(() -> BrokerUsers.generateMissing(layout, List.of("pension")))
                .hasMessageContaining("pension.properties: user must be 'pension'");
    }
}
