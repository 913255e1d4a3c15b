package dev.strata.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's rule for {@code R__} files: run when new or changed, after every versioned file. */
class RepeatablePlannerTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);

    private static ResolvedMigration versioned(String version) {
        String content = "CREATE TABLE t" + version + " (id int);\n";
        String script = "V" + version + "__t" + version + ".sql";
        return new ResolvedMigration(new MigrationId.Versioned(Version.parse(version)), "t" + version, script, "db/"
                + script, content,
                Checksum.of(content));
    }

    private static ResolvedMigration repeatable(String description, String content) {
        String script = "R__" + description + ".sql";
        return new ResolvedMigration(new MigrationId.Repeatable(script), description, script, "db/" + script, content,
                Checksum.of(content));
    }

    private static HistoryRow ran(int rank, ResolvedMigration file) {
        return new HistoryRow(rank, file.id(), file.description(),
                file.id() instanceof MigrationId.Repeatable ? MigrationType.REPEATABLE : MigrationType.SQL,
                        file.script(),
                file.checksum().toString(), "strata", AT, 3, true);
    }

    private static HistoryRow failedRepeatable(int rank, String script) {
        return new HistoryRow(rank, new MigrationId.Repeatable(script), "views", MigrationType.REPEATABLE, script,
                Checksum.of("x").toString(), "strata", AT, 3, false);
    }

    private static MigrationPlan plan(List<ResolvedMigration> versioned, List<ResolvedMigration> repeatables,
                                      HistoryRow... history) {
        return new Planner(false).plan(new ResolvedMigrations(versioned, List.of(), List.of(), repeatables),
                List.of(history));
    }

    private static List<String> pendingScripts(MigrationPlan plan) {
        return plan.pending().stream().map(p -> p.migration().script()).toList();
    }

    @Test
    void newRepeatableFilesRunAfterEveryVersionedFileInFileNameOrder() {
        MigrationPlan plan = plan(List.of(versioned("1"), versioned("2")),
                List.of(repeatable("b_views", "SELECT 1;"), repeatable("a_functions", "SELECT 2;")));

        assertThat(plan.problems()).isEmpty();
        assertThat(pendingScripts(plan)).containsExactly("V1__t1.sql", "V2__t2.sql", "R__b_views.sql",
                "R__a_functions.sql");
        assertThat(plan.entries()).extracting(PlanEntry::script, PlanEntry::state).containsExactly(
                tuple("V1__t1.sql", MigrationState.PENDING), tuple("V2__t2.sql", MigrationState.PENDING),
                tuple("R__a_functions.sql", MigrationState.PENDING), tuple("R__b_views.sql", MigrationState.PENDING));
        assertThat(plan.target()).contains(Version.parse("2"));
    }

    @Test
    void anUnchangedRepeatableFileDoesNotRunAgain() {
        ResolvedMigration v1 = versioned("1");
        ResolvedMigration views = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationPlan plan = plan(List.of(v1), List.of(views), ran(1, v1), ran(2, views));

        assertThat(plan.isUpToDate()).isTrue();
        assertThat(plan.entries()).extracting(PlanEntry::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        assertThat(plan.entries().get(1).id() instanceof MigrationId.Repeatable).isTrue();
        assertThat(plan.entries().get(1).installedAt()).contains(AT);
        assertThat(plan.current()).contains(Version.parse("1"));
    }

    @Test
    void aChangedRepeatableFileIsOutdatedAndRunsAgainWithoutAProblem() {
        ResolvedMigration v1 = versioned("1");
        ResolvedMigration before = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        ResolvedMigration after = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 2;");

        MigrationPlan plan = plan(List.of(v1), List.of(after), ran(1, v1), ran(2, before));

        assertThat(plan.problems()).isEmpty();
        assertThat(pendingScripts(plan)).containsExactly("R__views.sql");
        assertThat(plan.entries().get(1).state()).isEqualTo(MigrationState.OUTDATED);
        assertThat(plan.pending().get(0).migration().content()).contains("SELECT 2");
        assertThat(plan.target()).as("a repeatable file does not move the version").contains(Version.parse("1"));
    }

    @Test
    void theLastRowOfARepeatableFileDecides() {
        ResolvedMigration first = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        ResolvedMigration second = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 2;");

        MigrationPlan backToFirst = plan(List.of(), List.of(first), ran(1, first), ran(2, second));
        MigrationPlan atSecond = plan(List.of(), List.of(second), ran(1, first), ran(2, second));

        assertThat(backToFirst.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.OUTDATED);
        assertThat(atSecond.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.APPLIED);
    }

    @Test
    void aFailedLastRunIsAProblemThatRepairRemoves() {
        ResolvedMigration views = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationPlan plan = plan(List.of(), List.of(views), ran(1, views), failedRepeatable(2, "R__views.sql"));

        assertThat(plan.pending()).isEmpty();
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.FAILED);
            assertThat(problem.message()).isEqualTo(
                    "history row 2 records that the repeatable migration R__views.sql failed");
            assertThat(problem.hint()).contains("strata repair");
        });
        assertThat(RepairPlanner.actions(plan)).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(RepairAction.Kind.REMOVED_FAILED_ROW);
            assertThat(action.installedRank()).isEqualTo(2);
            assertThat(action.describe()).isEqualTo("R__views.sql (repeatable): removed failed history row 2");
        });
    }

    @Test
    void aRepeatableWhoseFileIsGoneIsShownAsRemovedWithoutAProblem() {
        ResolvedMigration v1 = versioned("1");
        ResolvedMigration views = repeatable("views", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationPlan plan = plan(List.of(v1), List.of(), ran(1, v1), ran(2, views));

        assertThat(plan.isUpToDate()).isTrue();
        assertThat(plan.entries()).extracting(PlanEntry::script, PlanEntry::state).containsExactly(
                tuple("V1__t1.sql", MigrationState.APPLIED), tuple("R__views.sql", MigrationState.REMOVED));
    }

    @Test
    void aBrokenRepeatableFileIsReportedBeforeAnythingRuns() {
        MigrationPlan plan = plan(List.of(versioned("1")), List.of(repeatable("views", "SELECT 'unterminated;\n")));

        assertThat(plan.problems()).extracting(Problem::kind).containsExactly(ProblemKind.UNPARSEABLE);
        assertThat(plan.problems().get(0).message()).startsWith("db/R__views.sql:1:");
    }

    @Test
    void undoIgnoresRepeatableFiles() {
        ResolvedMigration v1 = versioned("1");
        ResolvedMigration views = repeatable("views", "SELECT 1;");
        ResolvedMigration u1 = new ResolvedMigration(new MigrationId.Versioned(Version.parse("1")), "t1", "U1__t1.sql",
                "db/U1__t1.sql",
                "DROP TABLE t1;", Checksum.of("DROP TABLE t1;"));
        MigrationPlan plan = plan(List.of(v1), List.of(views), ran(1, v1), ran(2, views));

        UndoPlan undo = UndoPlanner.plan(plan, new ResolvedMigrations(List.of(v1), List.of(), List.of(u1),
                List.of(views)), Optional.empty());

        assertThat(undo.steps()).extracting(step -> step.migration().script()).containsExactly("U1__t1.sql");
    }
}
