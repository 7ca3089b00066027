package cn.canbao.hub.registry;

import cn.canbao.hub.standard.StorableText;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How often the hub has begun each unanswered delivery (a data file, a front-database row), counted in the
 * registry when an attempt begins so that attempts ended by a crash count too. An attempt that failed because the
 * database or the exchange server did not answer is taken back — later, when the database itself was what failed
 * (sql/registry/attempts/).
 */
@Component
public class DeliveryAttempts {

    /** The attempt just begun (1 for the first) and the error the one before it ended with, if known. */
    public record Attempt(int number, String lastError) {
    }

    private static final String BEGIN = SqlStatements.named("registry/attempts/begin");
    private static final String FAILED = SqlStatements.named("registry/attempts/failed");
    private static final String TAKE_BACK = SqlStatements.named("registry/attempts/take-back");
    private static final String ANSWERED = SqlStatements.named("registry/attempts/answered");

    private final NamedParameterJdbcTemplate jdbc;
    private final Set<String> toTakeBack = ConcurrentHashMap.newKeySet();

    public DeliveryAttempts(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public Attempt begin(String delivery, String system) {
        int takenBack = toTakeBack.contains(delivery) ? 1 : 0;
        Attempt attempt = jdbc.queryForObject(BEGIN, of(delivery).addValue("system", system)
                .addValue("takenBack", takenBack), (rs, n) -> new Attempt(rs.getInt(1), rs.getString(2)));
        toTakeBack.remove(delivery);
        return attempt;
    }

    /** Records why an attempt failed for a reason inside the hub; it stays counted. */
    public void failed(String delivery, String error) {
        jdbc.update(FAILED, of(delivery).addValue("error", StorableText.withoutNul(error)));
    }

    /** Takes an attempt back that failed for want of the database or the exchange server. */
    public void takeBack(String delivery) {
        try {
            jdbc.update(TAKE_BACK, of(delivery));
        } catch (DataAccessException databaseGone) {
            toTakeBack.add(delivery);
        }
    }

    public void answered(String delivery) {
        jdbc.update(ANSWERED, of(delivery));
        toTakeBack.remove(delivery);
    }

    private static MapSqlParameterSource of(String delivery) {
        return new MapSqlParameterSource("delivery", delivery);
    }
}
