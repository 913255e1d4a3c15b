package dev.strata.migrations.execute;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks PostgreSQL (14 and later) to check, while a migration statement runs, that the migrator is still connected.
 * Without it, a migrator killed mid-statement leaves its backend running the statement to the end (an {@code ALTER
 * TABLE} rewrite, or a wait behind another lock) while holding the statement's locks, only to roll it back; with it,
 * the server notices the closed socket within {@link #INTERVAL_MS} and ends the session, releasing the locks.
 * Closing it resets the setting, so a pooled connection goes back as it came.
 */
public final class DeadClientCheck implements AutoCloseable {
    static final int INTERVAL_MS = 1_000;
    private static final int FIRST_VERSION = 14;
    private static final Logger LOG = LoggerFactory.getLogger(DeadClientCheck.class);

    private final Connection connection;
    private final boolean enabled;

    private DeadClientCheck(Connection connection, boolean enabled) {
        this.connection = connection;
        this.enabled = enabled;
    }

    /** Sets {@code client_connection_check_interval} for the session; a server that cannot do it is left as it is. */
    public static DeadClientCheck enable(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < FIRST_VERSION) {
            return new DeadClientCheck(connection, false);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set client_connection_check_interval = " + INTERVAL_MS);
            return new DeadClientCheck(connection, true);
        } catch (SQLException e) {
            // 22023: the server's platform cannot poll sockets (it then only accepts 0); the check is a safety net.
            if (!"22023".equals(e.getSQLState())) {
                throw e;
            }
            LOG.debug("client_connection_check_interval is not supported by this server: {}", e.getMessage());
            return new DeadClientCheck(connection, false);
        }
    }

    /** Best effort: a connection that was lost has no session left to reset. */
    @Override
    public void close() {
        if (!enabled) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("reset client_connection_check_interval");
        } catch (SQLException e) {
            LOG.debug("could not reset client_connection_check_interval: {}", e.getMessage());
        }
    }
}
