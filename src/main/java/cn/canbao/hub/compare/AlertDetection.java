package cn.canbao.hub.compare;

import cn.canbao.hub.exchange.Queues;
import cn.canbao.hub.registry.SqlStatements;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the alerts of spec §7.2 that a run's results call for into the outbox, in the run's transaction; the
 * alert-outbox route sends them (sql/compare/alerts-*.sql). An alert is written once per person, type and cause while
 * the cause lasts: the cause is the evidence without record ids (a full file that states the same death again is the
 * same cause). A run that no longer finds the cause closes the alert, so the cause coming back, or a changed cause,
 * is sent again.
 */
@Component
public class AlertDetection {

    public static final String PENSION_ALERTS = Queues.alerts("PENSION");
    public static final String MEDICAL_ALERTS = Queues.alerts("MEDICAL");

    private static final String SETTINGS = SqlStatements.named("compare/alerts-settings");
    private static final String COLLECT = SqlStatements.named("compare/alerts-collect");
    private static final String DEFAULT_SETTINGS = SqlStatements.named("compare/alerts-default-settings");
    private static final String CLOSE = SqlStatements.named("compare/alerts-close");
    private static final String WRITE = SqlStatements.named("compare/alerts-write");

    private final NamedParameterJdbcTemplate jdbc;

    public AlertDetection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs inside the run's transaction (the candidates' table lives until it ends).
     *
     * @return alerts newly written to the outbox
     */
    int detect(long runId, LocalDate asOf) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", runId).addValue("asOf", asOf)
                .addValue("pensionQueue", PENSION_ALERTS).addValue("medicalQueue", MEDICAL_ALERTS);
        jdbc.queryForList(SETTINGS, parameters);
        jdbc.update(COLLECT, parameters);
        jdbc.queryForList(DEFAULT_SETTINGS, parameters);
        jdbc.update(CLOSE, parameters);
        return jdbc.update(WRITE, parameters);
    }
}
