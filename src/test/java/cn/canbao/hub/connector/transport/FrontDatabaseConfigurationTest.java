package cn.canbao.hub.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The front database's pool takes the embedded run's login when there is one, the configured one otherwise. */
class FrontDatabaseConfigurationTest {

    private static final String[] CONFIGURED = {
            "canbao.frontdb.url=jdbc:postgresql://frontdb.example.gov.cn/civil",
            "canbao.frontdb.username=hub",
            "canbao.frontdb.password=configured"};

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(FrontDatabaseConfiguration.class);

    @Test
    void poolsTheConfiguredDatabaseWhenTheEmbeddedRunSuppliesNoLogin() {
        hub.withPropertyValues(CONFIGURED).run(context -> assertThat(context.getBean("frontDb", HikariDataSource.class))
                .extracting(HikariDataSource::getJdbcUrl, HikariDataSource::getUsername, HikariDataSource::getPassword)
                .containsExactly("jdbc:postgresql://frontdb.example.gov.cn/civil", "hub", "configured"));
    }

    @Test
    void poolsTheLoginTheEmbeddedRunSupplies() {
        FrontDatabaseLogin embedded = new FrontDatabaseLogin("jdbc:postgresql://localhost:15432/civil_front",
                "civil_hub", "generated");
        hub.withPropertyValues(CONFIGURED).withBean(FrontDatabaseLogin.class, () -> embedded)
                .run(context -> assertThat(context.getBean("frontDb", HikariDataSource.class))
                        .extracting(HikariDataSource::getJdbcUrl, HikariDataSource::getUsername,
                                HikariDataSource::getPassword)
                        .containsExactly(embedded.url(), embedded.username(), embedded.password()));
    }

    @Test
    void refusesToStartWithoutAConfiguredUrl() {
        hub.withPropertyValues("canbao.frontdb.username=hub", "canbao.frontdb.password=configured")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("canbao.frontdb.url is required when canbao.frontdb.embedded=false"));
    }

    @Test
    void neverShowsThePassword() {
        assertThat(new FrontDatabaseLogin("jdbc:postgresql://localhost/civil_front", "civil_hub", "generated"))
                .asString().doesNotContain("generated").contains("civil_hub");
    }
}
