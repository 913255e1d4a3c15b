package dev.strata.it;

import dev.strata.it.Queries.HistoryRow;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.progress.ExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code migrate} on a real PostgreSQL: what it applies, what it records, and how a failing file is reported. */
@ExtendWith(FreshDatabase.class)
class MigrateTest {
    private static final String V1 = "V1__create_customers.sql";
    private static final String V2 = "V2__add_customer_email.sql";
    private static final String V3 = "V3__create_orders.sql";

    @Test
    void aFreshDatabaseGetsEveryMigrationRecordedAndARerunDoesNothing(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write(V1, "create table customers (id bigint primary key, name text not null);\n")
                .write(V2, "alter table customers add column email text;\n"
                        + "create unique index customers_email_key on customers (email);\n")
                .write(V3, "create table orders (\n    id bigint primary key,\n"
                        + "    customer_id bigint not null references customers (id)\n);\n");

        MigrateResult result = files.migrator(database).migrate();

        assertThat(result.applied()).extracting(AppliedFile::script).containsExactly(V1, V2, V3);
        assertThat(result.applied()).extracting(AppliedFile::statements).containsExactly(1, 2, 1);
        List<HistoryRow> history = Queries.history(database);
        assertThat(history).extracting(HistoryRow::version).containsExactly("1", "2", "3");
        assertThat(history).extracting(HistoryRow::script).containsExactly(V1, V2, V3);
        assertThat(history).allSatisfy(row -> {
            assertThat(row.checksum()).isEqualTo("sha256:" + sha256(files.read(row.script())));
            assertThat(row.success()).isTrue();
            assertThat(row.executionMs()).isNotNegative();
            assertThat(row.installedBy()).isEqualTo(database.user());
        });
        assertThat(List.of("customers", "customers_email_key", "orders"))
                .allMatch(relation -> Queries.relationExists(database, relation));
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'customers' and column_name = 'email'")).isEqualTo(1);

        MigrateResult rerun = files.migrator(database).migrate();

        assertThat(rerun.nothingToDo()).isTrue();
        assertThat(rerun.plan().isUpToDate()).isTrue();
        assertThat(Queries.history(database)).isEqualTo(history);
    }

    @Test
    void theExampleSystemsSchemaAppliesFromItsJarOnTheClassPath(TestDatabase database) {
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(Location.parse("classpath:db/migration")));
        List<String> versions = IntStream.rangeClosed(1, 12).mapToObj(Integer::toString).toList();

        MigrateResult result = MigrationFiles.migrator(database, settings).migrate();

        List<String> scripts = result.applied().stream().map(run -> run.script()).toList();
        assertThat(scripts).hasSize(13).endsWith("V12__add_file_garbage_collection_markers.sql",
                "R__job_reporting_views.sql");
        assertThat(result.applied().subList(0, 12)).extracting(run -> run.id().versionNumber().orElseThrow().toString())
                .containsExactlyElementsOf(versions);
        assertThat(Queries.appliedVersions(database)).containsExactlyElementsOf(versions);
        assertThat(MigrationFiles.migrator(database, settings).migrate().nothingToDo()).isTrue();
        MigrationPlan plan = MigrationFiles.migrator(database, settings).plan();
        assertThat(plan.isUpToDate()).isTrue();
        assertThat(plan.entries()).hasSize(13).extracting(PlanEntry::state).containsOnly(MigrationState.APPLIED);
        assertThat(plan.current()).map(Object::toString).contains("12");
    }

    @Test
    void aFailingStatementIsReportedAtItsLineAndItsWholeFileIsRolledBack(TestDatabase database, @TempDir Path dir) {
        String failing = """
                -- creates a table, then fails: the table goes with the rest of the file
                create table created_before_failure (id int);

                -- the statement below fails at line 5, column 13
                insert into no_such_table values (1);
                """;
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__create_kept.sql", "create table kept (id int);\n")
                .write("V2__fails.sql", failing);

        List<String> heard = new ArrayList<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void starting(ResolvedMigration migration) {
                heard.add("starting " + migration.script());
            }

            @Override
            public void applied(AppliedFile file) {
                heard.add("applied " + file.script());
            }

            @Override
            public void stopped(ResolvedMigration migration) {
                heard.add("stopped " + migration.script());
            }
        };
        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> new Migrator(database.connectionSource(), files.settings(), getClass().getClassLoader(),
                        listener).migrate());

        assertThat(failure).isNotNull();
        assertThat(heard).as("what the listener heard").containsExactly("starting V1__create_kept.sql",
                "applied V1__create_kept.sql", "starting V2__fails.sql", "stopped V2__fails.sql");
        assertThat(failure.getMessage()).contains("V2__fails.sql", "V2__fails.sql:5:13", "[SQLSTATE 42P01]",
                "relation \"no_such_table\" does not exist");
        assertThat(failure.failure().line()).isEqualTo(5);
        assertThat(failure.failure().column()).isEqualTo(13);
        assertThat(failure.sqlState()).contains("42P01");
        assertThat(failure.appliedBeforeFailure()).isEqualTo(1);
        assertThat(Queries.relationExists(database, "created_before_failure")).isFalse();
        assertThat(Queries.relationExists(database, "kept")).isTrue();
        assertThat(Queries.appliedVersions(database)).containsExactly("1");

        files.write("V2__fails.sql", failing.replace("no_such_table", "created_before_failure"));
        MigrateResult rerun = files.migrator(database).migrate();

        assertThat(rerun.applied()).extracting(AppliedFile::script).containsExactly("V2__fails.sql");
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
        assertThat(Queries.queryLong(database, "select count(*) from created_before_failure")).isEqualTo(1);
    }

    @Test
    void theErrorColumnCountsCharactersAsAnEditorDoesAfterAnEmoji(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write("V1__labels.sql", """
                create table labels (name text);
                insert into labels (name)
                    select '\uD83D\uDE80\uD83D\uDE80' || no_such_column from labels;
                """);

        MigrationFailedException failure =
                catchThrowableOfType(MigrationFailedException.class, () -> files.migrator(database).migrate());

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("V1__labels.sql:3:20", "[SQLSTATE 42703]");
    }

    @Test
    void theServersDetailIsPartOfTheMessage(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write("V1__duplicate_key.sql", """
                create table accounts (id int primary key);
                insert into accounts values (1);
                insert into accounts values (1);
                """);

        MigrationFailedException failure =
                catchThrowableOfType(MigrationFailedException.class, () -> files.migrator(database).migrate());

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("V1__duplicate_key.sql:3:", "[SQLSTATE 23505]",
                "Detail: Key (id)=(1) already exists.");
        assertThat(Queries.relationExists(database, "accounts")).isFalse();
    }

    @Test
    void theServersHintIsPartOfTheMessage(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write("V1__unknown_function.sql",
                "select no_such_function(1);\n");

        MigrationFailedException failure =
                catchThrowableOfType(MigrationFailedException.class, () -> files.migrator(database).migrate());

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("V1__unknown_function.sql:1:8", "[SQLSTATE 42883]",
                "Hint: No function matches the given name and argument types.");
    }

    @Test
    void aCustomHistoryTableIsCreatedInItsOwnSchema(TestDatabase database, @TempDir Path dir) {
        SchemaTable custom = new SchemaTable("meta", "my_history");
        MigrationFiles files = new MigrationFiles(dir).write(V1, "create table customers (id bigint primary key);\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings().withHistoryTable(custom));

        migrator.migrate();

        assertThat(Queries.queryLong(database,
                "select count(*) from information_schema.schemata where schema_name = 'meta'")).isEqualTo(1);
        assertThat(Queries.history(database, custom)).extracting(HistoryRow::script).containsExactly(V1);
        assertThat(Queries.relationExists(database, Queries.DEFAULT_HISTORY.toString())).isFalse();
        assertThat(migrator.migrate().nothingToDo()).isTrue();
    }

    @Test
    void aPlpgsqlFunctionWithSemicolonsAndItsTriggerApply(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write("V1__documents_with_revision_trigger.sql", """
                create table documents (
                    id bigint generated always as identity primary key,
                    title text not null,
                    revision integer not null default 0
                );

                create function bump_revision() returns trigger
                language plpgsql
                as $$
                begin
                    -- each ; in this body belongs to the function, not to the script
                    new.revision := old.revision + 1;
                    return new;
                end;
                $$;

                create trigger documents_bump_revision
                    before update on documents
                    for each row execute function bump_revision();

                do $seed$
                begin
                    insert into documents (title) values ('first; draft');
                end
                $seed$;
                """);

        MigrateResult result = files.migrator(database).migrate();

        assertThat(result.applied()).singleElement().extracting(AppliedFile::statements).isEqualTo(4);
        Queries.execute(database, "update documents set title = 'second draft'");
        assertThat(Queries.queryLong(database, "select revision from documents")).isEqualTo(1);
        assertThat(Queries.queryLong(database,
                "select count(*) from pg_trigger where tgname = 'documents_bump_revision'")).isEqualTo(1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
