package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.resolve.LayoutMixtureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each tool's layout on a real PostgreSQL, with folders written for these tests: the folder applies, a second run
 * does nothing, undo runs the down files (or sections) and migrate applies them again.
 */
@ExtendWith(FreshDatabase.class)
class LayoutsTest {

    private static void write(Path directory, String relative, String sql) {
        try {
            Path file = directory.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MigrationSettings settings(Path directory, Layout layout) {
        return MigrationSettings.defaults().withLocations(List.of(new Location.Filesystem(directory)))
                .withLayout(layout);
    }

    private static Migrator migrator(TestDatabase database, Path directory, Layout layout, List<String> notes) {
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void resolution(String note) {
                notes.add(note);
            }
        };
        return new Migrator(database.connectionSource(), settings(directory, layout),
                LayoutsTest.class.getClassLoader(), listener, new Interruption());
    }

    private static Migrator migrator(TestDatabase database, Path directory, Layout layout) {
        return migrator(database, directory, layout, new ArrayList<>());
    }

    /**
     * Applies the folder, re-runs it, undoes down to {@code undoTo} and re-applies; returns the scripts of the
     * first run.
     */
    private static List<String> roundTrip(TestDatabase database, Path directory, Layout layout, String undoTo,
                                          List<String> undoneTables, List<String> keptTables) {
        MigrateResult first = migrator(database, directory, layout).migrate();
        assertThat(List.copyOf(undoneTables)).allMatch(table -> Queries.relationExists(database, table));

        MigrateResult second = migrator(database, directory, layout).migrate();
        assertThat(second.nothingToDo()).as("a second run applies nothing").isTrue();

        UndoResult undone = migrator(database, directory, layout).undo(Optional.of(Version.parse(undoTo)));
        assertThat(undone.current()).contains(Version.parse(undoTo));
        assertThat(undoneTables).noneMatch(table -> Queries.relationExists(database, table));
        assertThat(keptTables).allMatch(table -> Queries.relationExists(database, table));

        MigrateResult again = migrator(database, directory, layout).migrate();
        assertThat(again.applied()).hasSize(undone.undone().size());
        assertThat(undoneTables).allMatch(table -> Queries.relationExists(database, table));
        assertThat(migrator(database, directory, layout).validate().pending()).isEmpty();
        return first.applied().stream().map(AppliedFile::script).toList();
    }

    @Test
    void sqlxFolderAppliesReRunsUndoesAndReapplies(TestDatabase database, @TempDir Path dir) {
        write(dir, "20240105090000_accounts.up.sql", "create table accounts (id bigint primary key);\n");
        write(dir, "20240105090000_accounts.down.sql", "drop table accounts;\n");
        write(dir, "20240106090000_invoices.up.sql",
                "create table invoices (id bigint primary key, account bigint references accounts);\n");
        write(dir, "20240106090000_invoices.down.sql", "drop table invoices;\n");
        write(dir, "20240107090000_invoice_index.up.sql",
                "-- no-transaction\ncreate index concurrently invoices_account on invoices (account);\n");
        write(dir, "20240107090000_invoice_index.down.sql", "drop index invoices_account;\n");

        List<String> applied = roundTrip(database, dir, Layout.SQLX, "20240105090000",
                List.of("invoices", "invoices_account"), List.of("accounts"));

        assertThat(applied).containsExactly("20240105090000_accounts.up.sql", "20240106090000_invoices.up.sql",
                "20240107090000_invoice_index.up.sql");
        assertThat(Queries.history(database)).extracting(Queries.HistoryRow::script)
                .contains("20240107090000_invoice_index.down.sql");
    }

    @Test
    void golangMigrateFolderAppliesReRunsUndoesAndReapplies(TestDatabase database, @TempDir Path dir) {
        write(dir, "000001_teams.up.sql", "create table teams (id int primary key);\n");
        write(dir, "000001_teams.down.sql", "drop table teams;\n");
        write(dir, "000002_members.up.sql", "create table members (team int references teams);\n");
        write(dir, "000002_members.down.sql", "drop table members;\n");
        write(dir, "000010_roles.up.sql", "create table roles (name text);\n");
        write(dir, "000010_roles.down.sql", "drop table roles;\n");

        List<String> applied = roundTrip(database, dir, Layout.GOLANG_MIGRATE, "1", List.of("members", "roles"),
                List.of("teams"));

        assertThat(applied).containsExactly("000001_teams.up.sql", "000002_members.up.sql", "000010_roles.up.sql");
    }

    @Test
    void dbmateFolderAppliesReRunsUndoesAndReapplies(TestDatabase database, @TempDir Path dir) {
        write(dir, "20230301120000_projects.sql", """
                -- migrate:up
                create table projects (id int primary key, name text not null);

                -- migrate:down
                drop table projects;
                """);
        write(dir, "20230302120000_tasks.sql", """
                -- migrate:up
                create table tasks (id int primary key, project int references projects);
                -- migrate:down
                drop table tasks;
                """);
        write(dir, "20230303120000_task_index.sql", """
                -- migrate:up transaction:false
                create index concurrently tasks_project on tasks (project);
                -- migrate:down
                drop index tasks_project;
                """);

        List<String> applied = roundTrip(database, dir, Layout.DBMATE, "20230301120000",
                List.of("tasks", "tasks_project"), List.of("projects"));

        assertThat(applied).containsExactly("20230301120000_projects.sql", "20230302120000_tasks.sql",
                "20230303120000_task_index.sql");
    }

    @Test
    void dieselFolderAppliesReRunsUndoesAndReapplies(TestDatabase database, @TempDir Path dir) {
        write(dir, "2022-11-01-080000_shops/up.sql", "create table shops (id int primary key);\n");
        write(dir, "2022-11-01-080000_shops/down.sql", "drop table shops;\n");
        write(dir, "2022-11-02-080000_orders/up.sql", "create table orders (shop int references shops);\n");
        write(dir, "2022-11-02-080000_orders/down.sql", "drop table orders;\n");

        List<String> applied = roundTrip(database, dir, Layout.DIESEL, "20221101080000", List.of("orders"),
                List.of("shops"));

        assertThat(applied).containsExactly("2022-11-01-080000_shops/up.sql", "2022-11-02-080000_orders/up.sql");
    }

    @Test
    void autoDetectsTheLayoutSaysSoAndMigrates(TestDatabase database, @TempDir Path dir) {
        write(dir, "20230301120000_projects.sql", "-- migrate:up\ncreate table projects (id int);\n"
                + "-- migrate:down\ndrop table projects;\n");
        List<String> notes = new ArrayList<>();

        MigrateResult result = migrator(database, dir, Layout.AUTO, notes).migrate();

        assertThat(result.applied()).extracting(AppliedFile::script).containsExactly("20230301120000_projects.sql");
        assertThat(notes).anySatisfy(note -> assertThat(note).startsWith("layout auto: detected dbmate in"));
        assertThat(Queries.relationExists(database, "projects")).isTrue();
    }

    @Test
    void autoRefusesAMixtureAndAppliesNothing(TestDatabase database, @TempDir Path dir) {
        write(dir, "V1__projects.sql", "create table projects (id int);\n");
        write(dir, "2_tasks.up.sql", "create table tasks (id int);\n");

        assertThatThrownBy(() -> migrator(database, dir, Layout.AUTO).migrate())
                .isInstanceOf(LayoutMixtureException.class)
                .hasMessageContaining("V1__projects.sql").hasMessageContaining("2_tasks.up.sql");
        assertThat(Queries.relationExists(database, "projects")).isFalse();
        assertThat(Queries.relationExists(database, "tasks")).isFalse();
    }

    @Test
    void dbmateFolderOfFourteenAndEighteenDigitVersionsAppliesAndUndoesInStringOrderWithAWarning(
            TestDatabase database, @TempDir Path dir) {
        // As strings, 20230105000000 < 202301050000000500 < 20230106000000; as numbers the 18-digit one is last.
        write(dir, "20230105000000_first.sql", "-- migrate:up\ncreate table first_table (id int);\n"
                + "-- migrate:down\ndrop table first_table;\n");
        write(dir, "202301050000000500_second.sql", "-- migrate:up\ncreate table second_table (id int);\n"
                + "-- migrate:down\ndrop table second_table;\n");
        write(dir, "20230106000000_third.sql", "-- migrate:up\n"
                + "create table third_table (id int, second int[]);\n"
                + "-- migrate:down\ndrop table third_table;\n");
        List<String> notes = new ArrayList<>();

        MigrateResult result = migrator(database, dir, Layout.DBMATE, notes).migrate();

        assertThat(result.applied()).extracting(AppliedFile::script).containsExactly("20230105000000_first.sql",
                "202301050000000500_second.sql", "20230106000000_third.sql");
        assertThat(notes).anySatisfy(note -> assertThat(note).startsWith("warning: versions are compared as strings")
                .contains("202301050000000500_second.sql"));
        assertThat(migrator(database, dir, Layout.DBMATE).migrate().nothingToDo()).isTrue();
        UndoResult undone = migrator(database, dir, Layout.DBMATE).undo(Optional.empty());
        assertThat(undone.undone()).extracting(AppliedFile::script).containsExactly("20230106000000_third.sql");
        assertThat(undone.current()).contains(Version.parse("202301050000000500"));
    }

    @Test
    void gooseFolderAppliesReRunsUndoesAndReapplies(TestDatabase database, @TempDir Path dir) {
        write(dir, "00001_boards.sql", """
                -- +goose Up
                create table boards (id int primary key, title text not null);

                -- +goose Down
                drop table boards;
                """);
        write(dir, "00002_card_count.sql", """
                -- +goose Up
                create table cards (id int primary key, board int references boards);
                -- +goose StatementBegin
                create function card_count(b int) returns bigint as $$
                    select count(*) from cards where board = b;
                $$ language sql;
                -- +goose StatementEnd

                -- +goose Down
                drop function card_count(int);
                drop table cards;
                """);
        write(dir, "00003_card_index.sql", """
                -- +goose NO TRANSACTION
                -- +goose Up
                create index concurrently cards_board on cards (board);
                -- +goose Down
                drop index concurrently cards_board;
                """);

        List<String> applied = roundTrip(database, dir, Layout.GOOSE, "1", List.of("cards", "cards_board"),
                List.of("boards"));

        assertThat(applied).containsExactly("00001_boards.sql", "00002_card_count.sql", "00003_card_index.sql");
    }

    @Test
    void popxFolderAppliesThePostgresFilesReRunsUndoesAndReapplies(TestDatabase database, @TempDir Path dir) {
        write(dir, "20210101000000_identities.up.sql", "create table identities (id char(36) primary key);\n");
        write(dir, "20210101000000_identities.postgres.up.sql", "create table identities (id uuid primary key);\n");
        write(dir, "20210101000000_identities.mysql.up.sql", "create table identities (id char(36)) engine=innodb;\n");
        write(dir, "20210101000000_identities.down.sql", "drop table identities;\n");
        write(dir, "20210102000000_sessions.up.sql", "create table sessions (identity uuid references identities);\n");
        write(dir, "20210102000000_sessions.down.sql", "drop table sessions;\n");
        write(dir, "20210103000000_session_index.postgres.autocommit.up.sql",
                "create index concurrently sessions_identity on sessions (identity);\n");
        write(dir, "20210103000000_session_index.down.sql", "drop index sessions_identity;\n");
        write(dir, "20210104000000_empty.cockroach.up.sql", "select 1;\n");

        List<String> applied = roundTrip(database, dir, Layout.POPX, "20210101000000",
                List.of("sessions", "sessions_identity"), List.of("identities"));

        assertThat(applied).containsExactly("20210101000000_identities.postgres.up.sql",
                "20210102000000_sessions.up.sql", "20210103000000_session_index.postgres.autocommit.up.sql");
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'identities' and data_type = 'uuid'")).isEqualTo(1);
    }

    @Test
    void temporalFolderAppliesInManifestOrderAndReRunsAsANoOp(TestDatabase database, @TempDir Path dir) {
        write(dir, "v1.0/manifest.json", """
                {"CurrVersion": "1.0", "MinCompatibleVersion": "1.0", "Description": "base tables",
                 "SchemaUpdateCqlFiles": ["namespaces.sql", "executions.sql"]}
                """);
        write(dir, "v1.0/namespaces.sql", "create table namespaces (id bytea primary key, name text);\n");
        write(dir, "v1.0/executions.sql", "create table executions (namespace bytea references namespaces);\n");
        write(dir, "v1.1/manifest.json", """
                {"CurrVersion": "1.1", "Description": "index", "SchemaUpdateCqlFiles": ["index.sql"]}
                """);
        write(dir, "v1.1/index.sql", "create index executions_namespace on executions (namespace);\n");
        List<String> notes = new ArrayList<>();

        MigrateResult first = migrator(database, dir, Layout.AUTO, notes).migrate();

        assertThat(notes).anySatisfy(note -> assertThat(note).startsWith("layout auto: detected temporal-sql-tool"));
        assertThat(first.applied()).extracting(AppliedFile::script)
                .containsExactly("v1.0/namespaces.sql", "v1.0/executions.sql", "v1.1/index.sql");
        assertThat(Queries.appliedVersions(database)).containsExactly("1.0.1", "1.0.2", "1.1.1");
        assertThat(migrator(database, dir, Layout.TEMPORAL).migrate().nothingToDo()).isTrue();
        assertThat(Queries.relationExists(database, "executions_namespace")).isTrue();
    }

    @Test
    void locationsInDifferentLayoutsApplyTogether(TestDatabase database, @TempDir Path strata,
                                                  @TempDir Path goose) {
        write(strata, "V1__owners.sql", "create table owners (id int primary key);\n");
        write(goose, "2_pets.sql", "-- +goose Up\ncreate table pets (owner int references owners);\n"
                + "-- +goose Down\ndrop table pets;\n");
        Location gooseLocation = new Location.Filesystem(goose);
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(strata), gooseLocation))
                .withLayouts(LocationLayouts.uniform(Layout.STRATA).with(gooseLocation, Layout.GOOSE));

        MigrateResult result = new Migrator(database.connectionSource(), settings,
                LayoutsTest.class.getClassLoader(), new ExecutionListener() { }).migrate();

        assertThat(result.applied()).extracting(AppliedFile::script).containsExactly("V1__owners.sql", "2_pets.sql");
        UndoResult undone = new Migrator(database.connectionSource(), settings, LayoutsTest.class.getClassLoader(),
                new ExecutionListener() { })
                .undo(Optional.empty());
        assertThat(undone.undone()).extracting(AppliedFile::script).containsExactly("2_pets.sql");
        assertThat(Queries.relationExists(database, "pets")).isFalse();
    }

    @Test
    void aMigrationWrittenInGoIsRefusedByNameBeforeAnythingRunsOrSkippedWhenAccepted(TestDatabase database,
                                                                                    @TempDir Path dir) {
        write(dir, "1_accounts.sql", "-- +goose Up\ncreate table accounts (id int);\n");
        write(dir, "2_backfill_accounts.go", "package migrations\n");
        write(dir, "3_audit.sql", "-- +goose Up\ncreate table audit (id int);\n");

        assertThatThrownBy(() -> migrator(database, dir, Layout.GOOSE).migrate())
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.plan().problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.kind()).isEqualTo(ProblemKind.GO_MIGRATION);
                            assertThat(problem.message()).contains("2_backfill_accounts.go (version 2)");
                        }));
        assertThat(Queries.relationExists(database, "accounts")).isFalse();

        List<String> notes = new ArrayList<>();
        MigrateResult skipping = new Migrator(database.connectionSource(),
                settings(dir, Layout.GOOSE).withSkipGoMigrations(true), LayoutsTest.class.getClassLoader(),
                new ExecutionListener() {
                    @Override
                    public void resolution(String note) {
                        notes.add(note);
                    }
                }, new Interruption()).migrate();
        assertThat(skipping.applied()).extracting(AppliedFile::script).containsExactly("1_accounts.sql",
                "3_audit.sql");
        assertThat(notes).anySatisfy(note -> assertThat(note).startsWith("skipped: ").contains("2_backfill_accounts.go"));
    }

    @Test
    void golangMigrateRunsAFileOfConcurrentIndexesWithoutATransactionByDefault(TestDatabase database,
                                                                             @TempDir Path dir) {
        write(dir, "1_events.up.sql", "create table events (id int, kind text);\n");
        write(dir, "2_events_kind.up.sql", "create index concurrently events_kind on events (kind);\n");

        MigrateResult result = migrator(database, dir, Layout.GOLANG_MIGRATE).migrate();

        assertThat(result.applied()).hasSize(2);
        assertThat(Queries.relationExists(database, "events_kind")).isTrue();
    }
}
