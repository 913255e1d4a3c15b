package dev.strata.it;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.execute.MigrationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** `-- strata:transaction=false` files, and statement/lock timeouts per run and per file. */
@ExtendWith(FreshDatabase.class)
class NonTransactionalTest {
    private static final int CONCURRENT_INSERTS = 2_000;

    @Test
    void createIndexConcurrentlyRunsWhileAnotherConnectionWrites(TestDatabase database, @TempDir Path dir)
            throws Exception {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__events.sql", "create table events (id bigint generated always as identity, kind text);\n"
                        + "insert into events (kind) select 'seed' || g from generate_series(1, 20000) g;\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings());
        migrator.migrate();
        files.write("V2__index_events.sql", "-- strata:transaction=false\n"
                + "create index concurrently if not exists ix_events_kind on events (kind);\n");

        CountDownLatch writerStarted = new CountDownLatch(1);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> insertRows(database, writerStarted));
        assertThat(writerStarted.await(60, TimeUnit.SECONDS)).isTrue();
        int applied = migrator.migrate().applied().size();
        int inserted = writer.get(120, TimeUnit.SECONDS);

        assertThat(applied).isEqualTo(1);
        assertThat(inserted).isEqualTo(CONCURRENT_INSERTS);
        assertThat(Queries.queryLong(database, "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname = 'ix_events_kind' and i.indisvalid")).isEqualTo(1);
        assertThat(Queries.queryLong(database, "select count(*) from events")).isEqualTo(20_000 + CONCURRENT_INSERTS);
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
    }

    private static int insertRows(TestDatabase database, CountDownLatch started) {
        try (Connection connection = database.open();
             PreparedStatement insert = connection.prepareStatement("insert into events (kind) values (?)")) {
            for (int i = 0; i < CONCURRENT_INSERTS; i++) {
                insert.setString(1, "live" + i);
                insert.executeUpdate();
                started.countDown();
            }
            return CONCURRENT_INSERTS;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConcurrentIndexInATransactionalFileIsReportedBeforeAnythingRuns(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__t.sql", "create table t (id int);\n")
                .write("V2__index.sql", "create table u (id int);\ncreate index concurrently ix_t on t (id);\n");

        ValidationFailedException refused = catchThrowableOfType(ValidationFailedException.class,
                () -> MigrationFiles.migrator(database, files.settings()).migrate());

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.NEEDS_NO_TRANSACTION);
            assertThat(problem.message()).contains("V2__index.sql:2", "create index concurrently");
            assertThat(problem.hint()).contains("-- strata:transaction=false");
        });
        assertThat(Queries.relationExists(database, "t")).isFalse();
    }

    @Test
    void aFailureLeavesAFailedRowNamingTheLastStatementAndRepairThenRerunResolvesIt(TestDatabase database,
                                                                                   @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__t.sql", "create table t (id int);\n")
                .write("V2__indexes.sql", "-- strata:transaction=false\n"
                        + "create index concurrently if not exists ix_t on t (id);\n"
                        + "create index concurrently ix_missing on no_such_table (id);\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings());

        MigrationFailedException failed = catchThrowableOfType(MigrationFailedException.class, migrator::migrate);

        assertThat(failed.transactional()).isFalse();
        assertThat(failed.getMessage()).contains("V2__indexes.sql:3:", "42P01", "statement 1 before the failing one");
        assertThat(failed.hint()).contains("strata repair");
        assertThat(Queries.queryLong(database, "select count(*) from pg_class where relname = 'ix_t'")).isEqualTo(1);
        assertThat(Queries.queryLong(database, "select count(*) from strata_schema_history where version = '2'"
                + " and not success and failure like 'statement 2 of 2 (line 3) failed [SQLSTATE 42P01]%'"))
                .isEqualTo(1);
        assertThat(catchThrowableOfType(ValidationFailedException.class, migrator::validate).problems())
                .anySatisfy(problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.FAILED));

        files.write("V2__indexes.sql", "-- strata:transaction=false\n"
                + "create index concurrently if not exists ix_t on t (id);\n"
                + "create index concurrently if not exists ix_t_again on t (id);\n");
        assertThat(migrator.repair()).hasSize(1);
        assertThat(migrator.migrate().applied()).hasSize(1);
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
    }

    @Test
    void aFileLockTimeoutFailsFastInsteadOfQueueingBehindALongTransaction(TestDatabase database, @TempDir Path dir)
            throws SQLException {
        MigrationFiles files = new MigrationFiles(dir).write("V1__t.sql", "create table t (id int);\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings());
        migrator.migrate();
        files.write("V2__alter.sql", "-- strata:lock_timeout=200ms\nalter table t add column note text;\n");

        try (Connection longTransaction = database.open(); Statement statement = longTransaction.createStatement()) {
            longTransaction.setAutoCommit(false);
            statement.execute("select * from t"); // holds ACCESS SHARE until the transaction ends

            MigrationFailedException failed = catchThrowableOfType(MigrationFailedException.class, migrator::migrate);

            assertThat(failed.sqlState()).contains("55P03");
            assertThat(failed.getMessage()).contains("V2__alter.sql:2:", "lock timeout");
            longTransaction.rollback();
        }
        assertThat(migrator.migrate().applied()).hasSize(1);
    }

    @Test
    void runLevelTimeoutsApplyToEveryFileAndAFileDirectiveBeatsThem(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__quick.sql", "-- strata:statement_timeout=5s\nselect pg_sleep(0.2);\n")
                .write("V2__slow.sql", "select pg_sleep(5);\n");
        MigrationSettings settings = files.settings().withTimeouts(
                new StatementTimeouts(Optional.of(Duration.ofMillis(100)), Optional.empty()));

        MigrationFailedException failed = catchThrowableOfType(MigrationFailedException.class,
                () -> MigrationFiles.migrator(database, settings).migrate());

        assertThat(failed.script()).isEqualTo("V2__slow.sql");
        assertThat(failed.sqlState()).contains("57014");
        assertThat(Queries.appliedVersions(database)).containsExactly("1");
    }

    @Test
    void anUnknownDirectiveIsAProblemNamingTheLine(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__t.sql", "-- creates t\n-- strata:transactions=false\ncreate table t (id int);\n");

        ValidationFailedException refused = catchThrowableOfType(ValidationFailedException.class,
                () -> MigrationFiles.migrator(database, files.settings()).migrate());

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_DIRECTIVE);
            assertThat(problem.message()).contains("V1__t.sql:2", "unknown directive strata:transactions");
        });
    }
}
