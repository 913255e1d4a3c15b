package dev.strata.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UndoPlannerTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2024, 10, 21, 14, 23, 30, 0, ZoneOffset.UTC);

    private static ResolvedMigration file(String prefix, String version, String content) {
        String script = prefix + version + "__m" + version + ".sql";
        return new ResolvedMigration(new MigrationId.Versioned(Version.parse(version)), "m" + version, script, "db/"
                + script, content,
                Checksum.of(content));
    }

    private static HistoryRow row(int rank, ResolvedMigration file, MigrationType type) {
        return new HistoryRow(rank, file.id(), file.description(), type, file.script(),
                file.checksum().toString(), "strata", AT, 1, true);
    }

    /** V1..Vn applied, with undo files for the given versions. */
    private static UndoPlan undo(int applied, List<String> undoVersions, Optional<String> to) {
        List<ResolvedMigration> files = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        for (int v = 1; v <= applied; v++) {
            ResolvedMigration file = file("V", Integer.toString(v), "create table t" + v + " (id int);");
            files.add(file);
            history.add(row(v, file, MigrationType.SQL));
        }
        List<ResolvedMigration> undos = undoVersions.stream()
                .map(v -> file("U", v, "drop table t" + v + ";")).toList();
        ResolvedMigrations resolved = new ResolvedMigrations(files, List.of(), undos);
        MigrationPlan plan = new Planner(false).plan(resolved, history);
        return UndoPlanner.plan(plan, resolved, to.map(Version::parse));
    }

    private static List<String> scripts(UndoPlan plan) {
        return plan.steps().stream().map(step -> step.migration().script()).toList();
    }

    @Test
    void withoutToOnlyTheNewestVersionIsUndone() {
        UndoPlan plan = undo(3, List.of("1", "2", "3"), Optional.empty());

        assertThat(scripts(plan)).containsExactly("U3__m3.sql");
        assertThat(plan.target()).map(Version::toString).contains("2");
    }

    @Test
    void toUndoesEveryNewerVersionNewestFirst() {
        UndoPlan plan = undo(4, List.of("1", "2", "3", "4"), Optional.of("1"));

        assertThat(scripts(plan)).containsExactly("U4__m4.sql", "U3__m3.sql", "U2__m2.sql");
        assertThat(plan.steps().get(0).statements()).hasSize(1);
        assertThat(plan.target()).map(Version::toString).contains("1");
    }

    @Test
    void toTheNewestVersionUndoesNothing() {
        assertThat(undo(2, List.of(), Optional.of("2")).nothingToUndo()).isTrue();
        assertThat(undo(0, List.of(), Optional.empty()).nothingToUndo()).isTrue();
    }

    @Test
    void everyMissingUndoFileIsNamed() {
        UndoRefusedException refused = catchThrowableOfType(UndoRefusedException.class,
                () -> undo(4, List.of("3"), Optional.of("1")));

        assertThat(refused.missingUndoFiles()).containsExactly("U4__m4.sql", "U2__m2.sql");
        assertThat(refused.getMessage()).contains("U4__m4.sql, U2__m2.sql").doesNotContain("U3__m3.sql");
    }

    @Test
    void toNewerThanTheNewestAppliedVersionIsRefused() {
        UndoRefusedException refused = catchThrowableOfType(UndoRefusedException.class,
                () -> undo(2, List.of("1", "2"), Optional.of("5")));

        assertThat(refused.getMessage()).contains("--to 5 is newer than the newest applied version, 2");
    }

    @Test
    void anUnparseableUndoFileIsRefusedBeforeAnythingRuns() {
        ResolvedMigration v1 = file("V", "1", "create table t (id int);");
        ResolvedMigration u1 = file("U", "1", "drop table 't;");
        ResolvedMigrations resolved = new ResolvedMigrations(List.of(v1), List.of(), List.of(u1));
        MigrationPlan plan = new Planner(false).plan(resolved, List.of(row(1, v1, MigrationType.SQL)));

        UndoRefusedException refused = catchThrowableOfType(UndoRefusedException.class,
                () -> UndoPlanner.plan(plan, resolved, Optional.empty()));

        assertThat(refused.missingUndoFiles()).isEmpty();
        assertThat(refused.getMessage()).contains("db/U1__m1.sql:1:");
    }

    @Test
    void theUnparseableUndoFileIsAlsoAProblemOfThePlanSoValidateRefusesIt() {
        ResolvedMigration v1 = file("V", "1", "create table t (id int);");
        ResolvedMigration u1 = file("U", "1", "drop table 't;");
        ResolvedMigrations resolved = new ResolvedMigrations(List.of(v1), List.of(), List.of(u1));

        MigrationPlan plan = new Planner(false).plan(resolved, List.of());

        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.UNPARSEABLE);
            assertThat(problem.script()).isEqualTo("U1__m1.sql");
            assertThat(problem.message()).startsWith("db/U1__m1.sql:1:");
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "NEEDS_NO_TRANSACTION|drop table t;\\ndrop index concurrently t_idx;|2",
            "TRANSACTION_CONTROL|drop table t;\\ncommit;|2",
            "CLIENT_COMMAND|\\set ON_ERROR_STOP on\\ndrop table t;|1",
            "INVALID_DIRECTIVE|-- strata:transactions=false\\ndrop table t;|1"})
    void anUndoFileUndoWouldRefuseIsAPlanProblemWithFileAndLine(ProblemKind kind, String content, int line) {
        ResolvedMigration v1 = file("V", "1", "create table t (id int);");
        // The CSV writes a line break as \n.
        ResolvedMigration u1 = file("U", "1", content.replace("\\n", "\n"));
        ResolvedMigrations resolved = new ResolvedMigrations(List.of(v1), List.of(), List.of(u1));

        MigrationPlan plan = new Planner(false).plan(resolved, List.of(row(1, v1, MigrationType.SQL)));

        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.script()).isEqualTo("U1__m1.sql");
            assertThat(problem.message()).startsWith("db/U1__m1.sql:" + line + ": ");
        });
    }

    @Test
    void anEmptyOrCommentOnlyUndoFileIsANoOpStep() {
        ResolvedMigration v1 = file("V", "1", "create table t (id int);");
        ResolvedMigration u1 = file("U", "1", "-- nothing to undo: the table stays\n");
        ResolvedMigrations resolved = new ResolvedMigrations(List.of(v1), List.of(), List.of(u1));
        MigrationPlan plan = new Planner(false).plan(resolved, List.of(row(1, v1, MigrationType.SQL)));

        assertThat(plan.problems()).isEmpty();
        UndoPlan undo = UndoPlanner.plan(plan, resolved, Optional.empty());
        assertThat(scripts(undo)).containsExactly("U1__m1.sql");
        assertThat(undo.steps().get(0).statements()).isEmpty();
    }

    @Test
    void anUndoFileOfOnlyConcurrentStatementsRunsWithoutATransactionWhenDetected() {
        ResolvedMigration v1 = file("V", "1", "-- strata:transaction=false\ncreate index concurrently i on t (id);");
        ResolvedMigration u1 = file("U", "1", "drop index concurrently i;");
        ResolvedMigrations resolved = new ResolvedMigrations(List.of(v1), List.of(), List.of(u1));
        List<HistoryRow> history = List.of(row(1, v1, MigrationType.SQL));

        assertThat(new Planner(false).plan(resolved, history).problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.NEEDS_NO_TRANSACTION);
        MigrationPlan detected = new Planner(false, new PreparationCache(NonTransactionalFiles.DETECT))
                .plan(resolved, history);
        assertThat(detected.problems()).isEmpty();
        UndoPlan undo = UndoPlanner.plan(detected, resolved, Optional.empty(), NonTransactionalFiles.DETECT);
        assertThat(undo.steps()).singleElement().satisfies(step ->
                assertThat(step.directives().transactional()).isFalse());
    }

    @Test
    void theBaselineCannotBeUndone() {
        ResolvedMigration v1 = file("V", "1", "create table t1 (id int);");
        ResolvedMigration v2 = file("V", "2", "create table t2 (id int);");
        ResolvedMigrations resolved = new ResolvedMigrations(List.of(v1, v2), List.of(),
                List.of(file("U", "1", "drop table t1;"), file("U", "2", "drop table t2;")));
        MigrationPlan plan = new Planner(false).plan(resolved,
                List.of(row(1, v1, MigrationType.BASELINE), row(2, v2, MigrationType.SQL)));

        assertThat(scripts(UndoPlanner.plan(plan, resolved, Optional.empty()))).containsExactly("U2__m2.sql");
        UndoRefusedException refused = catchThrowableOfType(UndoRefusedException.class,
                () -> UndoPlanner.plan(plan, resolved, Optional.of(Version.parse("0"))));
        assertThat(refused.getMessage()).contains("version 1 is the baseline");
    }
}
