package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Only one comparison run at a time across every hub instance on the database: a PostgreSQL session advisory
 * lock held on a connection of its own for the run's whole length (sql/compare/runs-lock.sql). A crashed JVM's
 * session ends and frees it.
 */
final class RunLock implements AutoCloseable {

    /** "canbao" in ASCII: an application-wide advisory lock key nobody else uses. */
    private static final long KEY = 0x63616e62616fL;
    private static final String LOCK = SqlStatements.named("compare/runs-lock");
    private static final String UNLOCK = SqlStatements.named("compare/runs-unlock");

    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    /** @throws RunInProgressException when another run holds the lock */
    static RunLock acquire(DataSource dataSource) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the comparison run lock", e);
        }
        boolean taken;
        try {
            taken = Boolean.TRUE.equals(on(connection).queryForObject(LOCK, key(), Boolean.class));
        } catch (DataAccessException e) {
            close(connection);
            throw new IllegalStateException("cannot take the comparison run lock", e);
        }
        if (taken) {
            return new RunLock(connection);
        }
        close(connection);
        throw new RunInProgressException();
    }

    /** Statements on the lock's own connection, whose session holds the lock; the pool gets it back on close. */
    private static NamedParameterJdbcTemplate on(Connection connection) {
        return new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    private static MapSqlParameterSource key() {
        return new MapSqlParameterSource("key", KEY);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot return a connection to the pool", e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            on(connection).queryForObject(UNLOCK, key(), Boolean.class);
        } catch (SQLException | DataAccessException e) {
            throw new IllegalStateException("cannot release the comparison run lock", e);
        }
    }
}
