package cn.canbao.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A wrong partner declaration stops the start with a message naming the option. */
class ExchangePropertiesTest {

    private static final Map<String, String> VALID = Map.of(
            "canbao.exchange.sftp-partners.accounts", "card,pension",
            "canbao.exchange.sftp-partners.folders", "in,receipt",
            "canbao.exchange.county-agencies.divisions", "classpath:reference/qinghai_divisions.csv",
            "canbao.exchange.county-agencies.level", "county",
            "canbao.exchange.county-agencies.account-prefix", "county-",
            "canbao.exchange.county-agencies.folders", "roster,receipt",
            "canbao.exchange.jms-partners.pension.sends", "canbao.in.pension.events",
            "canbao.exchange.jms-partners.pension.consumes", "canbao.out.pension.receipts,canbao.out.pension.alerts");

    @Test
    void bindsAValidDeclaration() {
        ExchangeProperties properties = bind(VALID);

        assertThat(properties.sftpPartners().accounts()).containsExactly("card", "pension");
        assertThat(properties.countyAgencies().accountPrefix()).isEqualTo("county-");
        assertThat(properties.jmsPartners().get("pension").consumes())
                .containsExactly("canbao.out.pension.receipts", "canbao.out.pension.alerts");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "canbao.exchange.sftp-partners.accounts | card,Pension | canbao.exchange.sftp-partners.accounts[1] 'Pension' is not an account name",
            "canbao.exchange.sftp-partners.accounts | card,card | canbao.exchange.sftp-partners.accounts[1] 'card' is listed twice",
            "canbao.exchange.sftp-partners.accounts | card,hub | canbao.exchange.sftp-partners.accounts[1] 'hub' is the hub's own account",
            "canbao.exchange.sftp-partners.folders | in,../etc | canbao.exchange.sftp-partners.folders[1] '../etc' is not a plain folder name",
            "canbao.exchange.county-agencies.account-prefix | County_ | canbao.exchange.county-agencies.account-prefix 'County_'",
            "canbao.exchange.county-agencies.level | '' | canbao.exchange.county-agencies.level is required",
            "canbao.exchange.jms-partners.pension.sends | canbao.in.pension.events;drop | canbao.exchange.jms-partners.pension.sends[0] 'canbao.in.pension.events;drop' is not a queue name",
            "canbao.exchange.jms-partners.hub.sends | canbao.in.national | canbao.exchange.jms-partners.hub 'hub' is the hub's own account"})
    void namesTheOptionThatIsWrong(String option, String value, String message) {
        Map<String, String> properties = new HashMap<>(VALID);
        properties.put(option, value);

        assertThatThrownBy(() -> bind(properties))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(message);
    }

    @Test
    void requiresEverySectionSoAMissingExchangeFileIsNoticed() {
        assertThatThrownBy(() -> bind(Map.of("canbao.exchange.sftp-partners.accounts", "card")))
                .rootCause()
                .hasMessageContaining("canbao.exchange.sftp-partners.folders must not be empty")
                .hasMessageContaining("canbao.exchange.county-agencies is required (see config/exchange.yaml)")
                .hasMessageContaining("canbao.exchange.jms-partners is required (see config/exchange.yaml)");
    }

    private static ExchangeProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("canbao.exchange", ExchangeProperties.class);
    }
}
