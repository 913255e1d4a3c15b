package dev.strata.it.reliability;

import dev.strata.it.cli.StrataCli;
import dev.strata.migrations.ConnectionSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A point where a migration stops while the test holds the gate. A gated migration runs
 * {@link #statement(int) select pg_advisory_xact_lock_shared(KEY, n)}, which returns at once unless the test holds
 * gate {@code n}: then the migrator waits there, mid-transaction, where the test can see it in pg_locks and act
 * (kill it, end its session, restart the server) at a known moment, without sleeping.
 */
final class Gate implements AutoCloseable {
    /** First key of the two-key advisory locks used as gates (the migration lock uses the one-bigint form). */
    static final int KEY = 7319;

    private final Connection connection;
    private final int number;
    private boolean held;

    private Gate(Connection connection, int number) {
        this.connection = connection;
        this.number = number;
    }

    /** The statement a migration runs to pass gate {@code number}. */
    static String statement(int number) {
        return "select pg_advisory_xact_lock_shared(" + KEY + ", " + number + ")";
    }

    /**
     * The same gate as a statement that returns no rows: a file made only of such statements travels to the server in
     * one batch together with its history row, the lock check and the commit, and this gate stops it inside that
     * batch. (Not a DO block: a file with one runs statement by statement, so that its notices get their line.) The
     * temporary table is dropped at the commit.
     */
    static String pipelinedStatement(int number) {
        return "create temporary table strata_gate_" + number + " on commit drop as select pg_advisory_xact_lock_shared("
                + KEY + ", " + number + ")::text as passed";
    }

    /** Holds gate {@code number} on a session of the test's own until {@link #close()}. */
    static Gate hold(ConnectionSource database, int number) throws SQLException {
        Connection connection = database.open();
        Gate gate = new Gate(connection, number);
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
            statement.setInt(1, KEY);
            statement.setInt(2, number);
            statement.execute();
        }
        gate.held = true;
        return gate;
    }

    /** The backend pid of the session of {@code migrator} that waits at this gate, once it does. */
    int awaitWaiter(ConnectionSource database, StrataCli.Launched migrator) {
        return Poll.until("a migrator waiting at gate " + number, migrator, () -> waiter(database));
    }

    private Optional<Integer> waiter(ConnectionSource database) {
        try (Connection c = database.open(); PreparedStatement statement = c.prepareStatement(
                "select pid from pg_catalog.pg_locks where locktype = 'advisory' and not granted and objsubid = 2"
                        + " and classid = ?::oid and objid = ?::oid")) {
            statement.setInt(1, KEY);
            statement.setInt(2, number);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the waiting migration go on; closing the session would too. */
    void open() throws SQLException {
        if (held) {
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, KEY);
                statement.setInt(2, number);
                statement.execute();
            }
            held = false;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
