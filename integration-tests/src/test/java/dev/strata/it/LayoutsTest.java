package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.AppliedRun;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.execute.Interruption;
import dev.strata.migrations.resolve.Layout;
import dev.strata.migrations.resolve.LayoutMixtureException;
import dev.strata.migrations.resolve.Location;
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
        return first.applied().stream().map(AppliedRun::script).toList();
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

        assertThat(result.applied()).extracting(AppliedRun::script).containsExactly("20230301120000_projects.sql");
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
    void dbmateVersionsWhoseStringOrderDiffersAreRefusedBeforeAnythingRuns(TestDatabase database,
                                                                         @TempDir Path dir) {
        write(dir, "9_first.sql", "-- migrate:up\ncreate table first_table (id int);\n");
        write(dir, "10_second.sql", "-- migrate:up\ncreate table second_table (id int);\n");

        assertThatThrownBy(() -> migrator(database, dir, Layout.DBMATE).migrate())
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.plan().problems())
                        .extracting(problem -> problem.kind()).containsOnly(ProblemKind.VERSION_ORDER));
        assertThat(Queries.relationExists(database, "first_table")).isFalse();
    }
}
