package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.execute.CommitFailedException;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.ServerNotice;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A file is one unit: its transaction is Strata's alone, and it neither inherits nor leaves session state. */
@ExtendWith(FreshDatabase.class)
class OneFileOneTransactionTest {

    @Nested
    class TransactionControl {
        @Test
        void aRollbackInATransactionalFileIsRefusedBeforeAnythingRuns(TestDatabase database, @TempDir Path dir) {
            MigrationFiles files = new MigrationFiles(dir)
                    .write("V1__first.sql", "create table first_table (id int);\n")
                    .write("V2__rolls_back.sql", "create table never (id int);\nROLLBACK;\n");

            ValidationFailedException refused =
                    catchThrowableOfType(ValidationFailedException.class, () -> files.migrator(database).migrate());

            assertThat(refused).isNotNull();
            assertThat(refused.plan().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.TRANSACTION_CONTROL);
                assertThat(problem.message()).startsWith(dir.resolve("V2__rolls_back.sql") + ":2: 'ROLLBACK'");
            });
            assertThat(Queries.relationExists(database, "first_table")).isFalse();
            assertThat(Queries.appliedVersions(database)).isEmpty();
        }
    }

    @Nested
    class SessionState {
        @Test
        void settingsRoleAndSearchPathOfOneFileDoNotReachTheNext(TestDatabase database, @TempDir Path dir) {
            String role = "strata_it_limited_" + database.name();
            MigrationFiles files = new MigrationFiles(dir)
                    .write("V1__changes_session.sql", """
                            create schema elsewhere;
                            create role %s;
                            set search_path = elsewhere;
                            set statement_timeout = '7s';
                            set role %s;
                            """.formatted(role, role))
                    .write("V2__looks_around.sql", """
                            create table public.seen as select current_user::text as who,
                                current_setting('search_path') as path, current_setting('statement_timeout') as timeout;
                            """);

            MigrateResult result = files.migrator(database).migrate();

            assertThat(result.applied()).extracting(AppliedFile::script)
                    .containsExactly("V1__changes_session.sql", "V2__looks_around.sql");
            assertThat(queryText(database, "select who || ' | ' || path || ' | ' || timeout from public.seen"))
                    .isEqualTo(database.user() + " | \"$user\", public | 0");
            // The history row of V1 was written with the run's own role, not the one V1 switched to.
            assertThat(Queries.history(database)).extracting(Queries.HistoryRow::installedBy)
                    .containsOnly(database.user());
            Queries.execute(database, "drop role " + role);
        }

        @Test
        void aFailedNonTransactionalFileIsRecordedWithTheRunsRoleAfterItsSetRole(TestDatabase database,
                                                                                 @TempDir Path dir) {
            String role = "strata_it_nobody_" + database.name();
            Queries.execute(database, "create role " + role);
            MigrationFiles files = new MigrationFiles(dir).write("V1__fails_as_other_role.sql", """
                    -- strata:transaction=false
                    set role %s;
                    select 1 / 0;
                    """.formatted(role));

            MigrationFailedException failure =
                    catchThrowableOfType(MigrationFailedException.class, () -> files.migrator(database).migrate());

            assertThat(failure).isNotNull();
            assertThat(failure.failure().line()).isEqualTo(3);
            assertThat(Queries.history(database)).singleElement().satisfies(row -> {
                assertThat(row.success()).isFalse();
                assertThat(row.installedBy()).isEqualTo(database.user());
            });
            Queries.execute(database, "drop role " + role);
        }

        @Test
        void aFailureAtTheCommitNamesTheFileAndSaysNothingOfItRemains(TestDatabase database, @TempDir Path dir) {
            MigrationFiles files = new MigrationFiles(dir).write("V1__deferred.sql", """
                    create table parent (id int primary key);
                    create table child (parent_id int references parent deferrable initially deferred);
                    insert into child values (1);
                    """);

            CommitFailedException failure =
                    catchThrowableOfType(CommitFailedException.class, () -> files.migrator(database).migrate());

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).startsWith(dir.resolve("V1__deferred.sql") + ": its statements ran, but"
                    + " recording it in public.strata_schema_history and committing failed [SQLSTATE 23503]")
                    .contains("The transaction was rolled back");
            assertThat(failure.hint()).contains("deferred constraint");
            assertThat(Queries.relationExists(database, "parent")).isFalse();
            assertThat(Queries.appliedVersions(database)).isEmpty();
        }
    }

    @Nested
    class PipelinedFailure {
        @Test
        void aFailingPipelinedFileRunsItsStatementsOnceAndNamesTheFailingOne(TestDatabase database,
                                                                            @TempDir Path dir) {
            MigrationFiles files = new MigrationFiles(dir)
                    .write("V1__sequence.sql", "create sequence runs;\ncreate table counted (n bigint);\n")
                    .write("V2__fails.sql", """
                            insert into counted select nextval('runs');
                            insert into no_such_table values (1);
                            """);

            MigrationFailedException failure =
                    catchThrowableOfType(MigrationFailedException.class, () -> files.migrator(database).migrate());

            assertThat(failure).isNotNull();
            assertThat(failure.failure().line()).isEqualTo(2);
            assertThat(failure.sqlState()).contains("42P01");
            // Sequences are not transactional: a second run of the file would have taken a second value.
            assertThat(Queries.queryLong(database, "select last_value from runs")).isEqualTo(1);
            assertThat(Queries.queryLong(database, "select count(*) from counted")).isZero();
        }
    }

    @Nested
    class ServerNotices {
        @Test
        void raiseNoticeAndWarningReachTheListenerWithFileAndLine(TestDatabase database, @TempDir Path dir) {
            MigrationFiles files = new MigrationFiles(dir)
                    .write("V1__talks.sql", """
                            create table talk (id int);
                            do $$ begin raise notice 'hello from V1'; end $$;
                            do $$ begin
                              raise warning 'careful: %', 42;
                            end $$;
                            """)
                    .write("V2__pipelined.sql", """
                            create table if not exists talk (id int);
                            comment on table talk is 'x';
                            """);
            List<ServerNotice> notices = new CopyOnWriteArrayList<>();
            Migrator migrator = new Migrator(database.connectionSource(), files.settings(),
                    getClass().getClassLoader(), new ExecutionListener() {
                        @Override
                        public void notice(ServerNotice notice) {
                            notices.add(notice);
                        }
                    });

            migrator.migrate();

            assertThat(notices).extracting(ServerNotice::describe).containsExactly(
                    dir.resolve("V1__talks.sql") + ":2: NOTICE: hello from V1",
                    dir.resolve("V1__talks.sql") + ":3: WARNING: careful: 42",
                    dir.resolve("V2__pipelined.sql") + ":1-2: NOTICE: relation \"talk\" already exists, skipping");
        }
    }

    private static String queryText(TestDatabase database, String sql) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
