package dev.strata.it;

import dev.strata.it.Queries.HistoryRow;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.CommitFailedException;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.MigrationInterruptedException;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.plan.UndoRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** {@code undo} on a real PostgreSQL: what it runs, what it records, and what it refuses. */
@ExtendWith(FreshDatabase.class)
class UndoTest {

    /** V1..V3 each create a table; U1..U3 drop it. */
    private static MigrationFiles threeMigrationsWithUndoFiles(Path dir) {
        return new MigrationFiles(dir)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("U1__create_a.sql", "drop table a;\n")
                .write("V2__create_b.sql", "create table b (id int);\n")
                .write("U2__create_b.sql", "drop table b;\n")
                .write("V3__create_c.sql", "create table c (id int);\ncreate index c_id on c (id);\n")
                .write("U3__create_c.sql", "drop index c_id;\ndrop table c;\n");
    }

    private static List<String> types(TestDatabase database) {
        return Queries.history(database).stream().map(row -> row.version() + ":" + row.script() + ":"
                + (Queries.queryLong(database, "select count(*) from strata_schema_history where installed_rank = ?"
                + " and type = 'UNDO'", row.installedRank()) == 1 ? "UNDO" : "SQL")).toList();
    }

    @Test
    void undoRunsTheUndoFileOfTheNewestVersionAndRecordsIt(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        files.migrator(database).migrate();

        UndoResult result = files.migrator(database).undo(Optional.empty());

        assertThat(result.undone()).extracting(AppliedFile::script, AppliedFile::statements)
                .containsExactly(tuple("U3__create_c.sql", 2));
        assertThat(result.current()).map(Version::toString).contains("2");
        assertThat(result.plan().current()).map(Version::toString).contains("3");
        assertThat(Queries.relationExists(database, "c")).isFalse();
        assertThat(Queries.relationExists(database, "b")).isTrue();
        assertThat(types(database)).containsExactly("1:V1__create_a.sql:SQL", "2:V2__create_b.sql:SQL",
                "3:V3__create_c.sql:SQL", "3:U3__create_c.sql:UNDO");
        HistoryRow undoRow = Queries.history(database).get(3);
        assertThat(undoRow.success()).isTrue();
        assertThat(undoRow.checksum()).isEqualTo(dev.strata.migrations.core.Checksum.of(
                files.read("U3__create_c.sql")).toString());

        MigrationPlan plan = files.migrator(database).validate();
        assertThat(plan.entries()).extracting(PlanEntry::script, PlanEntry::state).containsExactly(
                tuple("V1__create_a.sql", MigrationState.APPLIED), tuple("V2__create_b.sql", MigrationState.APPLIED),
                tuple("V3__create_c.sql", MigrationState.UNDONE));
        assertThat(plan.pending()).extracting(p -> p.migration().script()).containsExactly("V3__create_c.sql");
        assertThat(plan.current()).map(Version::toString).contains("2");
    }

    @Test
    void undoToUndoesEveryNewerVersionNewestFirstAndMigrateReappliesThem(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        files.migrator(database).migrate();

        UndoResult result = files.migrator(database).undo(Optional.of(Version.parse("1")));

        assertThat(result.undone()).extracting(AppliedFile::script)
                .containsExactly("U3__create_c.sql", "U2__create_b.sql");
        assertThat(result.current()).map(Version::toString).contains("1");
        assertThat(List.of("b", "c")).noneMatch(table -> Queries.relationExists(database, table));
        assertThat(Queries.relationExists(database, "a")).isTrue();

        List<AppliedFile> reapplied = files.migrator(database).migrate().applied();

        assertThat(reapplied).extracting(AppliedFile::script).containsExactly("V2__create_b.sql", "V3__create_c.sql");
        assertThat(List.of("a", "b", "c")).allMatch(table -> Queries.relationExists(database, table));
        MigrationPlan plan = files.migrator(database).validate();
        assertThat(plan.isUpToDate()).isTrue();
        assertThat(plan.entries()).extracting(PlanEntry::state).containsOnly(MigrationState.APPLIED);
        assertThat(plan.current()).map(Version::toString).contains("3");

        // and once more: the newest SQL row is what counts now
        assertThat(files.migrator(database).undo(Optional.empty()).undone()).extracting(AppliedFile::script)
                .containsExactly("U3__create_c.sql");
    }

    @Test
    void aMissingUndoFileIsRefusedByNameBeforeAnythingRuns(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir).delete("U2__create_b.sql").delete("U1__create_a.sql");
        files.migrator(database).migrate();
        List<HistoryRow> before = Queries.history(database);

        UndoRefusedException refused = catchThrowableOfType(UndoRefusedException.class,
                () -> files.migrator(database).undo(Optional.of(Version.parse("0"))));

        assertThat(refused).isNotNull();
        assertThat(refused.missingUndoFiles()).containsExactly("U2__create_b.sql", "U1__create_a.sql");
        assertThat(refused.getMessage()).contains("U2__create_b.sql, U1__create_a.sql", "nothing was undone");
        assertThat(Queries.history(database)).isEqualTo(before);
        assertThat(List.of("a", "b", "c")).allMatch(table -> Queries.relationExists(database, table));
    }

    @Test
    void aFailingUndoIsRolledBackAndTheUndoFilesBeforeItStayUndone(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        files.migrator(database).migrate();
        files.write("U2__create_b.sql", "drop table b;\ndrop table no_such_table;\n");

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> files.migrator(database).undo(Optional.of(Version.parse("1"))));

        assertThat(failure).isNotNull();
        assertThat(failure.script()).isEqualTo("U2__create_b.sql");
        assertThat(failure.getMessage()).contains("U2__create_b.sql:2:", "[SQLSTATE 42P01]", "rolled back");
        assertThat(failure.hint()).contains("strata undo");
        assertThat(failure.appliedBeforeFailure()).isEqualTo(1);
        assertThat(Queries.relationExists(database, "c")).isFalse();
        assertThat(Queries.relationExists(database, "b")).isTrue();
        assertThat(types(database)).containsExactly("1:V1__create_a.sql:SQL", "2:V2__create_b.sql:SQL",
                "3:V3__create_c.sql:SQL", "3:U3__create_c.sql:UNDO");
        assertThat(files.migrator(database).validate().current()).map(Version::toString).contains("2");
    }

    @Test
    void anUndoStoppedFromOutsideSaysToRunUndoAgain(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        files.migrator(database).migrate();
        files.write("U2__create_b.sql", "drop table no_such_table;\n");
        Interruption interruption = new Interruption();
        ExecutionListener stopAtU2 = new ExecutionListener() {
            @Override
            public void starting(ResolvedMigration migration) {
                if (migration.script().equals("U2__create_b.sql")) {
                    interruption.interrupt("SIGTERM");
                }
            }
        };

        MigrationInterruptedException stopped = catchThrowableOfType(MigrationInterruptedException.class,
                () -> new Migrator(database.connectionSource(), files.settings(), UndoTest.class.getClassLoader(),
                        stopAtU2, interruption).undo(Optional.of(Version.parse("1"))));

        assertThat(stopped).isNotNull();
        assertThat(stopped.getMessage()).contains("SIGTERM stopped the run during", "U2__create_b.sql");
        assertThat(stopped.hint()).startsWith("run `strata undo` again: U2__create_b.sql")
                .contains("(the 1 undo file(s) before it in this run were run and recorded)")
                .doesNotContain("strata migrate");
        assertThat(Queries.relationExists(database, "b")).isTrue();
    }

    @Test
    void anUndoWhoseCommitFailsSaysToRunUndoAgain(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__create_owner.sql", "create table owner (id int primary key);\n"
                        + "create table pet (owner_id int references owner deferrable initially deferred);\n")
                .write("V2__seed.sql", "insert into owner values (1);\ninsert into pet values (1);\n")
                .write("U2__seed.sql", "delete from owner;\n");
        files.migrator(database).migrate();

        CommitFailedException failed = catchThrowableOfType(CommitFailedException.class,
                () -> files.migrator(database).undo(Optional.empty()));

        assertThat(failed).isNotNull();
        assertThat(failed.getMessage()).contains("U2__seed.sql", "[SQLSTATE 23503]", "rolled back");
        assertThat(failed.hint()).contains("a deferred constraint failed at the commit",
                "then run `strata undo` again").doesNotContain("strata migrate");
        assertThat(Queries.queryLong(database, "select count(*) from owner")).isEqualTo(1);
        assertThat(files.migrator(database).validate().current()).map(Version::toString).contains("2");
    }

    @Test
    void theBaselineIsNotUndone(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        Queries.execute(database, "create table a (id int)");
        files.migrator(database).baseline(Version.parse("1"), "existing");
        files.migrator(database).migrate();

        UndoRefusedException refused = catchThrowableOfType(UndoRefusedException.class,
                () -> files.migrator(database).undo(Optional.of(Version.parse("0"))));

        assertThat(refused.getMessage()).contains("version 1 is the baseline");
        assertThat(List.of("a", "b", "c")).allMatch(table -> Queries.relationExists(database, table));
        assertThat(files.migrator(database).undo(Optional.of(Version.parse("1"))).undone())
                .extracting(AppliedFile::script).containsExactly("U3__create_c.sql", "U2__create_b.sql");
    }

    @Test
    void aPlanWithProblemsIsRefusedAndNothingToUndoIsNotAnError(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        assertThat(files.migrator(database).undo(Optional.empty()).nothingToDo()).isTrue();
        files.migrator(database).migrate();
        files.write("V1__create_a.sql", "create table a (id bigint);\n");

        assertThat(catchThrowableOfType(ValidationFailedException.class,
                () -> files.migrator(database).undo(Optional.empty()))).isNotNull();
        assertThat(Queries.relationExists(database, "c")).isTrue();
    }

    @Test
    void anUndoneFileMayBeEditedOrDeletedWithoutAProblem(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = threeMigrationsWithUndoFiles(dir);
        files.migrator(database).migrate();
        files.migrator(database).undo(Optional.empty());
        files.write("V3__create_c.sql", "create table c (id bigint);\n").write("U3__create_c.sql", "drop table c;\n");

        assertThat(files.migrator(database).migrate().applied()).extracting(AppliedFile::script)
                .containsExactly("V3__create_c.sql");
        files.migrator(database).undo(Optional.empty());
        files.delete("V3__create_c.sql").delete("U3__create_c.sql");

        MigrationPlan plan = files.migrator(database).validate();
        assertThat(plan.isUpToDate()).isTrue();
        assertThat(plan.entries()).extracting(PlanEntry::state).containsExactly(MigrationState.APPLIED,
                MigrationState.APPLIED, MigrationState.UNDONE);
    }
}
