package cn.canbao.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.canbao.hub.exchange.ExchangeProperties.CountyAgencies;
import cn.canbao.hub.exchange.ExchangeProperties.JmsPartner;
import cn.canbao.hub.exchange.ExchangeProperties.SftpPartners;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class ExchangeAccountsTest {

    private static final CountyAgencies COUNTIES = new CountyAgencies(
            "classpath:reference/qinghai_divisions.csv", "county", "county-", List.of("roster", "receipt"));
    private static final Map<String, JmsPartner> JMS = Map.of(
            "pension", new JmsPartner(List.of("canbao.in.pension.events"),
                    List.of("canbao.out.pension.receipts", "canbao.out.pension.alerts")),
            "national", new JmsPartner(List.of("canbao.in.national"), List.of("canbao.out.national")));

    @Test
    void givesEveryCountyLevelDivisionOfTheRegionTableAnAgencyAccount() {
        ExchangeAccounts accounts = resolve(List.of("card", "pension"), COUNTIES);

        List<SftpAccount> counties = accounts.sftp().stream().filter(a -> a.name().startsWith("county-")).toList();
        assertThat(counties).hasSize(45);
        assertThat(counties).extracting(SftpAccount::name)
                .contains("county-630102", "county-630123", "county-632857", "county-632823")
                .allMatch(name -> name.matches("county-63\\d{4}"));
        assertThat(counties.get(0)).isEqualTo(new SftpAccount("county-630102", Path.of("county-630102"),
                List.of("roster", "receipt")));
    }

    @Test
    void putsTheHubFirstWithTheWholeExchangeAsItsHome() {
        ExchangeAccounts accounts = resolve(List.of("card"), COUNTIES);

        assertThat(accounts.sftp().get(0)).isEqualTo(new SftpAccount("hub", Path.of(""), List.of()));
        assertThat(accounts.sftp().get(1)).isEqualTo(new SftpAccount("card", Path.of("card"), List.of("in", "receipt")));
    }

    @Test
    void grantsQueuesAndBrokerUsersFromTheJmsPartners() {
        ExchangeAccounts accounts = resolve(List.of("card"), COUNTIES);

        assertThat(accounts.brokerUsers()).containsExactly("hub", "national", "pension");
        assertThat(accounts.grantedQueues()).containsExactly("canbao.in.national", "canbao.in.pension.events",
                "canbao.out.national", "canbao.out.pension.alerts", "canbao.out.pension.receipts");
    }

    @Test
    void refusesAPartnerNamedLikeACountyAgency() {
        assertThatThrownBy(() -> resolve(List.of("county-630102"), COUNTIES))
                .hasMessageContaining("SFTP account 'county-630102' is declared twice");
    }

    @Test
    void refusesALevelThatNamesNoDivision() {
        CountyAgencies wrongLevel = new CountyAgencies(COUNTIES.divisions(), "district", "county-", COUNTIES.folders());

        assertThatThrownBy(() -> resolve(List.of("card"), wrongLevel))
                .hasMessageContaining("canbao.exchange.county-agencies.level 'district' matches no row");
    }

    @Test
    void refusesARegionTableThatIsMissing() {
        CountyAgencies missing = new CountyAgencies("classpath:reference/nowhere.csv", "county", "county-",
                COUNTIES.folders());

        assertThatThrownBy(() -> resolve(List.of("card"), missing))
                .hasMessageContaining("canbao.exchange.county-agencies.divisions: cannot read 'classpath:reference/nowhere.csv'");
    }

    private static ExchangeAccounts resolve(List<String> sftpPartners, CountyAgencies counties) {
        ExchangeProperties properties = new ExchangeProperties(
                new SftpPartners(sftpPartners, List.of("in", "receipt")), counties, JMS);
        return ExchangeAccounts.resolve(properties, new DefaultResourceLoader());
    }
}
