package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.registry.PersonHistory;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry is merged between comparison runs too, but never while a run reads it. */
class PeriodicRegistryRefreshTest extends HubIntegrationTest {

    @Autowired
    PeriodicRegistryRefresh periodicRefresh;
    @Autowired
    PersonHistory history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CamelContext camel;

    @Test
    void mergesWhatArrivedSinceTheLastRefresh() {
        String id = TestIds.next("630105", 1983, true);
        new SourceRecords(jdbc).police(id, "周八", "630105001");

        assertThat(periodicRefresh.refreshUnlessARunIsUnderWay()).hasValueSatisfying(
                refreshed -> assertThat(refreshed.recordsRead()).isPositive());
        assertThat(history.merged(id)).hasValueSatisfying(person -> assertThat(person.name()).isEqualTo("周八"));
    }

    @Test
    void leavesTheRegistryAloneWhileARunIsUnderWay() {
        String id = TestIds.next("630105", 1984, false);
        new SourceRecords(jdbc).police(id, "吴九", "630105002");

        try (RunLock run = RunLock.acquire(dataSource)) {
            assertThat(periodicRefresh.refreshUnlessARunIsUnderWay()).isEmpty();
        }
        assertThat(history.merged(id)).isEmpty();
    }

    @Test
    void isScheduledByItsOwnRouteWhichTheseTestsKeepStopped() {
        assertThat(camel.getRoute("registry-refresh")).isNotNull();
        assertThat(camel.getRouteController().getRouteStatus("registry-refresh").isStopped()).isTrue();
    }
}
