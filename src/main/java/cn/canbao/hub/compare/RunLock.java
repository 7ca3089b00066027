package cn.canbao.hub.compare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Only one comparison run at a time across every hub instance on the database: a PostgreSQL session advisory
 * lock held on a connection of its own for the run's whole length. A crashed JVM's session ends and frees it.
 */
final class RunLock implements AutoCloseable {

    /** "canbao" in ASCII: an application-wide advisory lock key nobody else uses. */
    private static final long KEY = 0x63616e62616fL;

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
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new RunLock(connection);
                }
            }
        } catch (SQLException e) {
            close(connection);
            throw new IllegalStateException("cannot take the comparison run lock", e);
        }
        close(connection);
        throw new RunInProgressException();
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
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the comparison run lock", e);
        }
    }
}
