package dev.strata.it;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.lock.AdvisoryLock;
import dev.strata.migrations.lock.TransactionPoolingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The migration lock held on the migration connection itself, as a fleet run holds it (one connection a target). */
@ExtendWith(FreshDatabase.class)
class LockOnMigrationSessionTest {

    @Test
    void aFileThatReleasesTheLockIsRolledBackByTheCheckBeforeItsCommit(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__create_b.sql", "create table b (id int);\nselect pg_catalog.pg_advisory_unlock_all();\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings())
                .withLockSession(Migrator.LockSession.MIGRATION);

        Throwable lost = catchThrowable(migrator::migrate);

        assertThat(lost).isNotNull();
        assertThat(lost.getMessage()).contains("V2__create_b.sql");
        assertThat(Queries.relationExists(database, "a")).isTrue();
        assertThat(Queries.relationExists(database, "b")).as("rolled back").isFalse();
        assertThat(Queries.appliedVersions(database)).containsExactly("1");
    }

    @Test
    void aSessionThatAlreadyHoldsTheLockIsAPoolersAndIsRefused(TestDatabase database) throws SQLException {
        MigrationSettings settings = MigrationSettings.defaults();
        long key = AdvisoryLock.keyFor(database.name(), settings.historyTable());
        try (Connection pooled = database.open(); Statement statement = pooled.createStatement()) {
            // Another run's lock, left on the server session a transaction pooler now hands to this run.
            statement.execute("select pg_catalog.pg_advisory_lock(" + key + ")");

            TransactionPoolingException refused = catchThrowableOfType(TransactionPoolingException.class,
                    () -> AdvisoryLock.acquireOnMigrationSession(pooled, key, Duration.ofSeconds(5), "the test"));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("already held the lock before this run took it");
        }
    }

    @Test
    void aRunTakesTheLockOnItsOwnConnectionAndLeavesNoLockBehind(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write("V1__create_a.sql",
                "create table sessions_seen as select count(*) as n from pg_catalog.pg_stat_activity"
                        + " where datname = current_database() and backend_type = 'client backend';\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings())
                .withLockSession(Migrator.LockSession.MIGRATION);

        assertThat(migrator.migrate().applied()).hasSize(1);

        assertThat(Queries.queryLong(database, "select n from sessions_seen")).isEqualTo(1);
        assertThat(Queries.queryLong(database, "select count(*) from pg_catalog.pg_locks where locktype = 'advisory'"))
                .isZero();
    }
}
