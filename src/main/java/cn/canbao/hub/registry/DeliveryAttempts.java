package cn.canbao.hub.registry;

import cn.canbao.hub.standard.StorableText;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How often the hub has begun each unanswered delivery (a data file, a front-database row), counted in the
 * registry when an attempt begins so that attempts ended by a crash count too. An attempt that failed because the
 * database or the exchange server did not answer is taken back — later, when the database itself was what failed.
 */
@Component
public class DeliveryAttempts {

    /** The attempt just begun (1 for the first) and the error the one before it ended with, if known. */
    public record Attempt(int number, String lastError) {
    }

    private final JdbcTemplate jdbc;
    private final Set<String> toTakeBack = ConcurrentHashMap.newKeySet();

    public DeliveryAttempts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Attempt begin(String delivery, String system) {
        int takenBack = toTakeBack.contains(delivery) ? 1 : 0;
        Attempt attempt = jdbc.queryForObject("""
                INSERT INTO delivery_attempt (delivery, system, attempts) VALUES (?, ?, 1)
                ON CONFLICT (delivery) DO UPDATE
                    SET attempts = greatest(delivery_attempt.attempts + 1 - ?, 1), last_at = now()
                RETURNING attempts, last_error
                """, (rs, n) -> new Attempt(rs.getInt(1), rs.getString(2)), delivery, system, takenBack);
        toTakeBack.remove(delivery);
        return attempt;
    }

    /** Records why an attempt failed for a reason inside the hub; it stays counted. */
    public void failed(String delivery, String error) {
        jdbc.update("UPDATE delivery_attempt SET last_error = ? WHERE delivery = ?", StorableText.withoutNul(error),
                delivery);
    }

    /** Takes an attempt back that failed for want of the database or the exchange server. */
    public void takeBack(String delivery) {
        try {
            jdbc.update("UPDATE delivery_attempt SET attempts = attempts - 1 WHERE delivery = ?", delivery);
        } catch (DataAccessException databaseGone) {
            toTakeBack.add(delivery);
        }
    }

    public void answered(String delivery) {
        jdbc.update("DELETE FROM delivery_attempt WHERE delivery = ?", delivery);
        toTakeBack.remove(delivery);
    }
}
