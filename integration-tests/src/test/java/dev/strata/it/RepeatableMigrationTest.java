package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.execute.MigrationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Repeatable migrations, {@code R__<description>.sql}, on a real PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class RepeatableMigrationTest {
    private static final String VIEW_V1 = "create or replace view active_jobs as select id from jobs where state = 'active';\n";
    private static final String VIEW_V2 = "create or replace view active_jobs as select id, state from jobs"
            + " where state in ('active', 'retrying');\n";

    private static MigrationFiles jobs(Path dir) {
        return new MigrationFiles(dir)
                .write("V1__jobs.sql", "create table jobs (id int primary key, state text not null);\n")
                .write("R__views.sql", VIEW_V1);
    }

    @Test
    void aRepeatableFileRunsAfterTheVersionedOnesAndIsRecordedWithoutAVersion(TestDatabase database,
                                                                               @TempDir Path dir) {
        MigrationFiles files = jobs(dir).write("V2__more.sql", "alter table jobs add column retries int;\n");

        MigrateResult result = files.migrator(database).migrate();

        assertThat(result.applied()).extracting(run -> run.script())
                .containsExactly("V1__jobs.sql", "V2__more.sql", "R__views.sql");
        assertThat(Queries.history(database)).extracting(Queries.HistoryRow::version, Queries.HistoryRow::script)
                .containsExactly(tuple("1", "V1__jobs.sql"), tuple("2", "V2__more.sql"), tuple(null, "R__views.sql"));
        assertThat(Queries.queryLong(database, "select count(*) from " + Queries.DEFAULT_HISTORY.qualified()
                + " where type = 'REPEATABLE'")).isEqualTo(1);
        assertThat(Queries.relationExists(database, "active_jobs")).isTrue();
        assertThat(result.plan().target()).map(Object::toString).contains("2");
    }

    @Test
    void anUnchangedRepeatableFileDoesNotRunAgain(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = jobs(dir);
        files.migrator(database).migrate();
        List<Queries.HistoryRow> history = Queries.history(database);

        MigrateResult rerun = files.migrator(database).migrate();

        assertThat(rerun.nothingToDo()).isTrue();
        assertThat(Queries.history(database)).isEqualTo(history);
        assertThat(files.migrator(database).plan().entries()).extracting(PlanEntry::script, PlanEntry::state)
                .containsExactly(tuple("V1__jobs.sql", MigrationState.APPLIED),
                        tuple("R__views.sql", MigrationState.APPLIED));
    }

    @Test
    void aChangedRepeatableFileIsOutdatedThenRunsAgainAndIsRecordedAgain(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = jobs(dir);
        files.migrator(database).migrate();
        files.write("R__views.sql", VIEW_V2);

        MigrationPlan plan = files.migrator(database).validate();
        assertThat(plan.problems()).as("an edit is what a repeatable file is for").isEmpty();
        assertThat(plan.entries()).extracting(PlanEntry::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.OUTDATED);

        MigrateResult result = files.migrator(database).migrate();

        assertThat(result.applied()).extracting(run -> run.script()).containsExactly("R__views.sql");
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'active_jobs' and column_name = 'state'")).isEqualTo(1);
        assertThat(Queries.history(database)).extracting(Queries.HistoryRow::script)
                .containsExactly("V1__jobs.sql", "R__views.sql", "R__views.sql");
        assertThat(files.migrator(database).plan().isUpToDate()).isTrue();
    }

    @Test
    void aFailingRepeatableFileIsRolledBackAfterTheVersionedOnesAreApplied(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = jobs(dir);
        files.migrator(database).migrate();
        files.write("V2__more.sql", "alter table jobs add column retries int;\n")
                .write("R__views.sql", VIEW_V1 + "create or replace view broken as select no_such_column from jobs;\n");

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> files.migrator(database).migrate());

        assertThat(failure.script()).isEqualTo("R__views.sql");
        assertThat(failure.id()).isEqualTo(new MigrationId.Repeatable("R__views.sql"));
        assertThat(failure.getMessage()).startsWith("migration R__views.sql (repeatable) failed at "
                + dir.resolve("R__views.sql") + ":2:");
        assertThat(failure.sqlState()).contains("42703");
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
        assertThat(Queries.relationExists(database, "broken")).isFalse();
        assertThat(files.migrator(database).plan().entries()).extracting(PlanEntry::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.OUTDATED);
    }

    @Test
    void aFailedNonTransactionalRepeatableFileBlocksUntilRepairedThenRunsAgain(TestDatabase database,
                                                                              @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__jobs.sql", "create table jobs (id int primary key, state text not null);\n")
                .write("R__indexes.sql", "-- strata:transaction=false\n"
                        + "create index concurrently if not exists ix_jobs_state on jobs (state);\n"
                        + "create index concurrently if not exists ix_jobs_missing on jobs (missing);\n");
        catchThrowableOfType(MigrationFailedException.class, () -> files.migrator(database).migrate());

        ValidationFailedException refused = catchThrowableOfType(ValidationFailedException.class,
                () -> files.migrator(database).migrate());
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.FAILED);
            assertThat(problem.message()).contains("the repeatable migration R__indexes.sql failed");
        });

        files.write("R__indexes.sql", "-- strata:transaction=false\n"
                + "create index concurrently if not exists ix_jobs_state on jobs (state);\n");
        List<RepairAction> repairs = files.migrator(database).repair();
        assertThat(repairs).extracting(RepairAction::describe).singleElement().asString()
                .startsWith("R__indexes.sql (repeatable): removed failed history row");
        MigrateResult rerun = files.migrator(database).migrate();

        assertThat(rerun.applied()).extracting(run -> run.script()).containsExactly("R__indexes.sql");
        assertThat(files.migrator(database).plan().isUpToDate()).isTrue();
    }

    @Test
    void aRemovedRepeatableFileIsShownAndItsObjectsAreLeftAlone(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = jobs(dir);
        files.migrator(database).migrate();
        files.delete("R__views.sql");

        MigrationPlan plan = files.migrator(database).validate();

        assertThat(plan.entries()).extracting(PlanEntry::script, PlanEntry::state)
                .containsExactly(tuple("V1__jobs.sql", MigrationState.APPLIED),
                        tuple("R__views.sql", MigrationState.REMOVED));
        assertThat(files.migrator(database).migrate().nothingToDo()).isTrue();
        assertThat(Queries.relationExists(database, "active_jobs")).isTrue();
    }

    @Test
    void aHistoryTableFromBeforeRepeatablesIsUpgradedWhenTheFirstOneRuns(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__jobs.sql", "create table jobs (id int primary key, state text not null);\n");
        Migrator migrator = files.migrator(database);
        migrator.migrate();
        // The table as Strata 0.1 created it: version was declared not null.
        Queries.execute(database, "alter table " + Queries.DEFAULT_HISTORY.qualified()
                + " alter column version set not null");
        files.write("R__views.sql", VIEW_V1);

        MigrateResult result = files.migrator(database).migrate();

        assertThat(result.applied()).extracting(run -> run.script()).containsExactly("R__views.sql");
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns where table_name ="
                + " 'strata_schema_history' and column_name = 'version' and is_nullable = 'YES'")).isEqualTo(1);
    }

    @Test
    void undoLeavesRepeatableFilesAlone(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = jobs(dir)
                .write("V2__more.sql", "alter table jobs add column retries int;\n")
                .write("U2__more.sql", "alter table jobs drop column retries;\n");
        files.migrator(database).migrate();

        files.migrator(database).undo(java.util.Optional.empty());

        assertThat(files.migrator(database).plan().entries()).extracting(PlanEntry::script, PlanEntry::state)
                .containsExactly(tuple("V1__jobs.sql", MigrationState.APPLIED),
                        tuple("V2__more.sql", MigrationState.UNDONE),
                        tuple("R__views.sql", MigrationState.APPLIED));
    }
}
