package dev.strata.it;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.lock.AdvisoryLock;
import dev.strata.migrations.lock.LockHolder;
import dev.strata.migrations.lock.LockTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Another session holding the migration lock: a run gives up after lock_timeout, naming the holder. */
@ExtendWith(FreshDatabase.class)
class LockTest {

    @Test
    void aRunGivesUpNamingTheHolderAndSucceedsOnceTheLockIsReleased(TestDatabase database, @TempDir Path dir)
            throws SQLException {
        MigrationFiles files = new MigrationFiles(dir).write("V1__create_a.sql", "create table a (id int);\n");
        MigrationSettings settings = files.settings().withLockTimeout(Duration.ofSeconds(1));
        Migrator migrator = MigrationFiles.migrator(database, settings);
        long key = AdvisoryLock.keyFor(database.name(), settings.historyTable());

        try (Connection otherSession = database.open()) {
            long holderPid = query(otherSession, "select pg_backend_pid()", key);
            assertThat(query(otherSession, "select pg_try_advisory_lock(?)::int", key)).isEqualTo(1);

            LockTimeoutException timeout = catchThrowableOfType(LockTimeoutException.class, migrator::migrate);

            assertThat(timeout).isNotNull();
            assertThat(timeout.getMessage()).contains("within 1 s", "held by pid " + holderPid);
            assertThat(timeout.holder()).map(LockHolder::pid).contains((int) holderPid);
            assertThat(Queries.relationExists(database, "a")).isFalse();

            assertThat(query(otherSession, "select pg_advisory_unlock(?)::int", key)).isEqualTo(1);
            assertThat(migrator.migrate().applied()).hasSize(1);
        }
        assertThat(Queries.appliedVersions(database)).containsExactly("1");
    }

    @Test
    void anUpToDateDatabaseAnswersWithoutWaitingForTheLock(TestDatabase database, @TempDir Path dir)
            throws SQLException {
        MigrationFiles files = new MigrationFiles(dir).write("V1__create_a.sql", "create table a (id int);\n");
        MigrationSettings settings = files.settings().withLockTimeout(Duration.ofSeconds(1));
        Migrator migrator = MigrationFiles.migrator(database, settings);
        migrator.migrate();
        long key = AdvisoryLock.keyFor(database.name(), settings.historyTable());

        try (Connection otherSession = database.open()) {
            assertThat(query(otherSession, "select pg_try_advisory_lock(?)::int", key)).isEqualTo(1);

            // With the lock held elsewhere for the whole call, a run that needed it would time out.
            assertThat(migrator.migrate().applied()).isEmpty();

            files.write("V2__create_b.sql", "create table b (id int);\n");
            assertThat(catchThrowableOfType(LockTimeoutException.class, migrator::migrate))
                    .as("a pending file still needs the lock").isNotNull();
        }
        assertThat(Queries.appliedVersions(database)).containsExactly("1");
    }

    /** Runs a one-value query; {@code key} is bound when the statement has a parameter. */
    private static long query(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setLong(1, key);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
