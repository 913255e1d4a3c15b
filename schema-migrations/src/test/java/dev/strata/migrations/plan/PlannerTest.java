package dev.strata.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.migrations.core.ChangedLines;
import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlannerTest {

    private static final OffsetDateTime INSTALLED_AT = OffsetDateTime.of(2024, 10, 21, 14, 23, 30, 0, ZoneOffset.UTC);

    // --- builders -------------------------------------------------------------------------------

    private static ResolvedMigration file(String version, String content) {
        String script = "V" + version + "__m" + version.replace('.', '_') + ".sql";
        return new ResolvedMigration(new MigrationId.Versioned(Version.parse(version)), "m" + version, script,
                "db/migration/" + script, content,
                Checksum.of(content));
    }

    private static ResolvedMigration file(String version) {
        return file(version, "SELECT " + version + ";\n");
    }

    private static HistoryRow applied(int rank, ResolvedMigration file) {
        return row(rank, file.id().versionNumber().orElseThrow().toString(), file.script(), file.checksum().toString(),
                true);
    }

    private static HistoryRow row(int rank, String version, String script, String checksum, boolean success) {
        return new HistoryRow(rank, new MigrationId.Versioned(Version.parse(version)), "applied " + version,
                MigrationType.SQL, script,
                checksum, "strata", INSTALLED_AT, 12, success);
    }

    private static ResolvedMigrations files(ResolvedMigration... migrations) {
        return new ResolvedMigrations(List.of(migrations), List.of());
    }

    private static MigrationPlan plan(ResolvedMigrations resolved, HistoryRow... history) {
        return new Planner(false).plan(resolved, List.of(history));
    }

    private static List<String> pendingVersions(MigrationPlan plan) {
        return plan.pending().stream().map(p -> p.migration().id().versionNumber().orElseThrow().toString()).toList();
    }

    private static Optional<String> text(Optional<Version> version) {
        return version.map(Version::toString);
    }

    // --- tests ----------------------------------------------------------------------------------

    @Nested
    class Pending {
        @Test
        void emptyHistoryMakesEveryFilePending() {
            MigrationPlan plan = plan(files(file("1"), file("2"), file("10")));

            assertThat(plan.problems()).isEmpty();
            assertThat(pendingVersions(plan)).containsExactly("1", "2", "10");
            assertThat(plan.entries()).extracting(PlanEntry::state).containsOnly(MigrationState.PENDING);
            assertThat(plan.entries()).allSatisfy(entry -> {
                assertThat(entry.row()).isEmpty();
                assertThat(entry.file()).isPresent();
                assertThat(entry.installedAt()).isEmpty();
            });
            assertThat(plan.current()).isEmpty();
            assertThat(text(plan.target())).contains("10");
            assertThat(plan.isUpToDate()).isFalse();
            assertThat(plan.hasProblems()).isFalse();
        }

        @Test
        void nothingAtAllIsUpToDate() {
            MigrationPlan plan = plan(files());

            assertThat(plan.entries()).isEmpty();
            assertThat(plan.isUpToDate()).isTrue();
            assertThat(plan.current()).isEmpty();
            assertThat(plan.target()).isEmpty();
        }

        @Test
        void pendingFilesAreSplitIntoStatements() {
            ResolvedMigration migration = file("1", "-- header\nCREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n");

            MigrationPlan plan = plan(files(migration));

            PendingMigration pending = plan.pending().get(0);
            assertThat(pending.migration()).isSameAs(migration);
            assertThat(pending.statements()).extracting(SqlStatement::sql, SqlStatement::line)
                    .containsExactly(tuple("CREATE TABLE a (id int)", 2), tuple("INSERT INTO a VALUES (1)", 4));
        }

        @Test
        void commentsOnlyPendingFileIsANoOp() {
            ResolvedMigration comments = file("2", "-- TODO\n/* later */\n");

            MigrationPlan plan = plan(files(file("1"), comments));

            assertThat(plan.problems()).isEmpty();
            assertThat(pendingVersions(plan)).containsExactly("1", "2");
            assertThat(plan.pending().get(1).statements()).isEmpty();
            assertThat(plan.pending().get(1).directives().transactional()).isTrue();
            assertThat(plan.entries()).filteredOn(entry -> entry.script().equals(comments.script())).singleElement()
                    .satisfies(entry -> assertThat(NoOpScripts.isNoOp(entry)).isTrue());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"", "  \n", "-- only a comment", "/* a */ -- b\n/* c /* nested */ */"})
        void fileWithoutStatementsIsANoOpEntry(String content) {
            MigrationPlan plan = plan(files(file("1", content)));

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.entries()).singleElement()
                    .satisfies(entry -> assertThat(NoOpScripts.isNoOp(entry)).isTrue());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"select 1", "-- a\nselect 1;", "/* a */ select 1", "/* a\n-- b */ create table t ()"})
        void fileWithAStatementIsNoNoOp(String content) {
            MigrationPlan plan = plan(files(file("1", content)));

            assertThat(plan.entries()).singleElement()
                    .satisfies(entry -> assertThat(NoOpScripts.isNoOp(entry)).isFalse());
        }

        @Test
        void unterminatedDollarQuoteIsUnparseableWithLineAndColumn() {
            ResolvedMigration broken = file("3", "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n");

            MigrationPlan plan = plan(files(broken));

            assertThat(plan.pending()).isEmpty();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.UNPARSEABLE);
                assertThat(problem.script()).isEqualTo(broken.script());
                assertThat(problem.version()).contains(Version.parse("3"));
                assertThat(problem.message()).startsWith(broken.path() + ":2:36: unterminated")
                        .contains("$body$");
            });
            // the file is still listed, as pending
            assertThat(plan.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.PENDING);
        }

        @Test
        void appliedFilesAreNotSplit() {
            // An applied file that no longer parses is compared by checksum only: no UNPARSEABLE problem.
            ResolvedMigration unparseable = file("1", "SELECT $x$ unterminated");

            MigrationPlan plan = plan(files(unparseable), applied(1, unparseable));

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.APPLIED);
        }
    }

    @Nested
    class Applied {
        @Test
        void appliedAndPending() {
            ResolvedMigration one = file("1");
            ResolvedMigration two = file("2");
            ResolvedMigration three = file("3");

            MigrationPlan plan = plan(files(one, two, three), applied(1, one), applied(2, two));

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.entries()).extracting(e -> e.id().versionNumber().orElseThrow().toString(),
                    PlanEntry::state).containsExactly(
                    tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.APPLIED),
                    tuple("3", MigrationState.PENDING));
            assertThat(pendingVersions(plan)).containsExactly("3");
            assertThat(text(plan.current())).contains("2");
            assertThat(text(plan.target())).contains("3");

            PlanEntry first = plan.entries().get(0);
            assertThat(first.file()).containsSame(one);
            assertThat(first.installedAt()).contains(INSTALLED_AT);
            assertThat(first.executionMs()).contains(12);
            assertThat(first.description()).isEqualTo("m1");
        }

        @Test
        void everythingAppliedIsUpToDate() {
            ResolvedMigration one = file("1");

            MigrationPlan plan = plan(files(one), applied(1, one));

            assertThat(plan.isUpToDate()).isTrue();
            assertThat(text(plan.current())).contains("1");
            assertThat(plan.target()).isEqualTo(plan.current());
        }

        @Test
        void editedFileIsReportedWithBothChecksums() {
            ResolvedMigration original = file("1", "CREATE TABLE a (id int);\n");
            ResolvedMigration edited = file("1", "CREATE TABLE a (id bigint);\n");

            MigrationPlan plan = plan(files(edited), applied(1, original));

            assertThat(plan.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.EDITED);
            assertThat(plan.pending()).isEmpty();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.EDITED);
                assertThat(problem.script()).isEqualTo(edited.script());
                assertThat(problem.message())
                        .contains("edit detected in " + edited.path())
                        .contains("recorded " + original.checksum().shortForm())
                        .contains("file now " + edited.checksum().shortForm());
            });
            assertThat(original.checksum().shortForm()).isNotEqualTo(edited.checksum().shortForm());
        }

        @Test
        void aSecondFileWithAnAppliedVersionIsADuplicateNotAnEdit() {
            ResolvedMigration applied = file("3", "CREATE TABLE a (id int);\n");
            ResolvedMigration kept = file("3.0", "SELECT 'the other file, kept by the resolver';\n");
            Problem duplicate = new Problem(ProblemKind.DUPLICATE_VERSION, "V3__m3.sql",
                    Optional.of(Version.parse("3")), "version 3 is used by two files", "give one of them the next free version");

            MigrationPlan plan = plan(new ResolvedMigrations(List.of(kept), List.of(duplicate)), applied(1, applied));

            assertThat(plan.problems()).extracting(Problem::kind).containsExactly(ProblemKind.DUPLICATE_VERSION);
            assertThat(plan.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.APPLIED);
        }

        @Test
        void missingFileOlderThanNewestFile() {
            ResolvedMigration one = file("1");
            ResolvedMigration three = file("3");

            MigrationPlan plan = plan(files(one, three),
                    applied(1, one), row(2, "2", "V2__gone.sql", Checksum.of("x").toString(), true), applied(3, three));

            assertThat(plan.entries()).extracting(e -> e.id().versionNumber().orElseThrow().toString(),
                    PlanEntry::state).containsExactly(
                    tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.MISSING),
                    tuple("3", MigrationState.APPLIED));
            PlanEntry missing = plan.entries().get(1);
            assertThat(missing.file()).isEmpty();
            assertThat(missing.description()).isEqualTo("applied 2");
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.MISSING);
                assertThat(problem.script()).isEqualTo("V2__gone.sql");
                assertThat(problem.message()).isEqualTo("version 2 (V2__gone.sql) is applied but its file is missing");
            });
        }

        @Test
        void appliedVersionNewerThanEveryFileIsFuture() {
            ResolvedMigration one = file("1");

            MigrationPlan plan = plan(files(one),
                    applied(1, one), row(2, "2", "V2__from_the_future.sql", Checksum.of("x").toString(), true));

            assertThat(plan.entries()).extracting(PlanEntry::state)
                    .containsExactly(MigrationState.APPLIED, MigrationState.FUTURE);
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.FUTURE);
                assertThat(problem.message()).contains("ahead of the code").contains("version 2")
                        .contains("V2__from_the_future.sql");
            });
            assertThat(text(plan.current())).contains("2");
        }

        @Test
        void appliedRowsWithNoFilesAtAllAreFuture() {
            MigrationPlan plan = plan(files(), row(1, "1", "V1__a.sql", Checksum.of("a").toString(), true));

            assertThat(plan.problems()).extracting(Problem::kind).containsExactly(ProblemKind.FUTURE);
        }

        @Test
        void failedRowIsAProblemAndNotCountedAsCurrent() {
            ResolvedMigration one = file("1");
            ResolvedMigration two = file("2");

            MigrationPlan plan = plan(files(one, two), applied(1, one),
                    row(2, "2", two.script(), two.checksum().toString(), false));

            assertThat(plan.entries()).extracting(PlanEntry::state)
                    .containsExactly(MigrationState.APPLIED, MigrationState.FAILED);
            assertThat(plan.pending()).isEmpty();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.FAILED);
                assertThat(problem.version()).contains(Version.parse("2"));
                assertThat(problem.message())
                        .isEqualTo("history row 2 records that " + two.script() + " (version 2) failed");
                assertThat(problem.hint()).contains("strata repair");
            });
            assertThat(text(plan.current())).contains("1");
        }

        @Test
        void unknownChecksumTagInHistoryIsUnreadable() {
            ResolvedMigration one = file("1");

            MigrationPlan plan = plan(files(one), row(7, "1", one.script(), "md5:900150983cd24fb0d6963f7d28e17f72", true));

            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.UNREADABLE_HISTORY);
                assertThat(problem.script()).isEqualTo(one.script());
                assertThat(problem.message()).startsWith("history row 7 for " + one.script() + ": ")
                        .contains("unknown checksum format 'md5:");
            });
            assertThat(plan.entries()).singleElement().extracting(PlanEntry::state).isEqualTo(MigrationState.EDITED);
        }

        @Test
        void checksumOfAnOlderAlgorithmTagIsComparedWithThatAlgorithm() {
            ResolvedMigration one = file("1");
            // same hex, stored with the tag: the planner parses the tag rather than comparing strings
            HistoryRow row = row(1, "1", one.script(), "sha256:" + one.checksum().hex(), true);

            assertThat(plan(files(one), row).problems()).isEmpty();
        }
    }

    @Nested
    class OutOfOrder {
        private final ResolvedMigration one = file("1");
        private final ResolvedMigration two = file("2");
        private final ResolvedMigration three = file("3");
        private final ResolvedMigrations resolved = files(one, two, three);
        private final List<HistoryRow> history = List.of(applied(1, one), applied(2, three));

        @Test
        void olderPendingFileIsAProblemByDefault() {
            MigrationPlan plan = new Planner(false).plan(resolved, history);

            assertThat(plan.pending()).isEmpty();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.OUT_OF_ORDER);
                assertThat(problem.script()).isEqualTo(two.script());
                assertThat(problem.message()).isEqualTo(two.path()
                        + " (version 2) is pending but older than the newest applied version 3");
                assertThat(problem.hint()).contains("out_of_order = true");
            });
            assertThat(plan.entries()).extracting(PlanEntry::state).containsExactly(
                    MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
        }

        @Test
        void olderPendingFileIsPendingWhenAllowed() {
            MigrationPlan plan = new Planner(true).plan(resolved, history);

            assertThat(plan.problems()).isEmpty();
            assertThat(pendingVersions(plan)).containsExactly("2");
            assertThat(plan.entries()).extracting(PlanEntry::state).containsExactly(
                    MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
        }

        @Test
        void targetIsNeverOlderThanCurrent() {
            // Applying V2 out of order leaves the newest applied version at 3.
            MigrationPlan plan = new Planner(true).plan(resolved, history);

            assertThat(text(plan.current())).contains("3");
            assertThat(text(plan.target())).contains("3");
        }

        @Test
        void targetIsTheNewestOfCurrentAndPending() {
            ResolvedMigration four = file("4");
            MigrationPlan plan = new Planner(true).plan(files(one, two, three, four), history);

            assertThat(pendingVersions(plan)).containsExactly("2", "4");
            assertThat(text(plan.target())).contains("4");
        }

        @Test
        void failedNewerRowDoesNotMakeOlderFilesOutOfOrder() {
            HistoryRow failed = row(2, "3", three.script(), three.checksum().toString(), false);

            MigrationPlan plan = new Planner(false).plan(resolved, List.of(applied(1, one), failed));

            assertThat(plan.problems()).extracting(Problem::kind).containsExactly(ProblemKind.FAILED);
            assertThat(pendingVersions(plan)).containsExactly("2");
        }
    }

    @Nested
    class Ordering {
        @Test
        void entriesAreSortedByVersionWhateverTheInputOrder() {
            ResolvedMigration v1 = file("1");
            ResolvedMigration v1_10 = file("1.10");
            ResolvedMigration v1_9 = file("1.9");
            ResolvedMigration v2 = file("2");
            ResolvedMigration v10 = file("10");
            // history out of rank order, and newer than some pending files
            List<HistoryRow> history = new ArrayList<>(List.of(applied(2, v1_9), applied(1, v1)));

            MigrationPlan plan = new Planner(false).plan(files(v1, v1_9, v1_10, v2, v10), history);

            assertThat(plan.entries()).extracting(e -> e.id().versionNumber().orElseThrow().toString())
                    .containsExactly("1", "1.9", "1.10", "2", "10");
            assertThat(pendingVersions(plan)).containsExactly("1.10", "2", "10");
            assertThat(text(plan.current())).contains("1.9");
        }

        @Test
        void resolverProblemsAreKeptFirst() {
            Problem misnamed = new Problem(ProblemKind.MISNAMED, "foo.sql", Optional.empty(),
                    "foo.sql is not a migration", "rename");
            ResolvedMigration one = file("1");
            ResolvedMigrations resolved = new ResolvedMigrations(List.of(one), List.of(misnamed));

            MigrationPlan plan = plan(resolved, row(1, "1", one.script(), "sha256:00", true));

            assertThat(plan.problems()).extracting(Problem::kind)
                    .containsExactly(ProblemKind.MISNAMED, ProblemKind.EDITED);
        }
    }

    @Nested
    class Undone {
        private HistoryRow undoRow(int rank, ResolvedMigration file) {
            String script = "U" + file.script().substring(1);
            return new HistoryRow(rank, file.id(), "undo " + file.id().versionNumber().orElseThrow(),
                    MigrationType.UNDO, script,
                    Checksum.of("drop;").toString(), "strata", INSTALLED_AT, 3, true);
        }

        @Test
        void aVersionWhoseLastRowIsAnUndoIsPendingAgainAndShownAsUndone() {
            ResolvedMigration one = file("1");
            ResolvedMigration two = file("2");

            MigrationPlan plan = plan(files(one, two), applied(1, one), applied(2, two), undoRow(3, two));

            assertThat(plan.problems()).isEmpty();
            assertThat(pendingVersions(plan)).containsExactly("2");
            assertThat(plan.current().map(Version::toString)).contains("1");
            assertThat(plan.entries()).extracting(e -> e.id().versionNumber().orElseThrow().toString(),
                    PlanEntry::state)
                    .containsExactly(tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.UNDONE));
            PlanEntry undone = plan.entries().get(1);
            assertThat(undone.script()).isEqualTo(two.script());
            assertThat(undone.row()).map(HistoryRow::installedRank).contains(3);
        }

        @Test
        void anEditAfterTheUndoIsNotAProblem() {
            ResolvedMigration applied = file("2", "create table t (id int);\n");
            ResolvedMigration edited = file("2", "create table t (id bigint);\n");

            MigrationPlan plan = plan(files(file("1"), edited), applied(1, file("1")), applied(2, applied),
                    undoRow(3, applied));

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.pending()).singleElement().satisfies(p -> assertThat(p.migration()).isEqualTo(edited));
        }

        @Test
        void reappliedAfterAnUndoTheVersionIsAppliedAndComparedWithTheNewRow() {
            ResolvedMigration two = file("2");

            MigrationPlan plan = plan(files(file("1"), two), applied(1, file("1")),
                    row(2, "2", two.script(), "sha256:00", true), undoRow(3, two), applied(4, two));

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.pending()).isEmpty();
            assertThat(plan.entries()).extracting(PlanEntry::state)
                    .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
            assertThat(plan.entries().get(1).row()).map(HistoryRow::installedRank).contains(4);
        }

        @Test
        void anUndoneVersionWhoseFileWasDeletedIsNeitherPendingNorMissing() {
            ResolvedMigration one = file("1");
            ResolvedMigration two = file("2");
            ResolvedMigration three = file("3");

            MigrationPlan plan = plan(files(one, three), applied(1, one), applied(2, two), undoRow(3, two));

            assertThat(plan.problems()).isEmpty();
            assertThat(pendingVersions(plan)).containsExactly("3");
            assertThat(plan.entries()).extracting(e -> e.id().versionNumber().orElseThrow().toString(),
                    PlanEntry::state).containsExactly(
                    tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.UNDONE),
                    tuple("3", MigrationState.PENDING));
        }

        @Test
        void anUndoneVersionOlderThanAnAppliedOneFollowsTheOutOfOrderRule() {
            ResolvedMigration one = file("1");
            ResolvedMigration two = file("2");
            ResolvedMigration three = file("3");
            HistoryRow[] history = {applied(1, one), applied(2, two), undoRow(3, two), applied(4, three)};

            MigrationPlan strict = plan(files(one, two, three), history);
            MigrationPlan lenient = new Planner(true).plan(files(one, two, three), List.of(history));

            assertThat(strict.problems()).extracting(Problem::kind).containsExactly(ProblemKind.OUT_OF_ORDER);
            assertThat(strict.entries().get(1).state()).isEqualTo(MigrationState.OUT_OF_ORDER);
            assertThat(lenient.problems()).isEmpty();
            assertThat(pendingVersions(lenient)).containsExactly("2");
        }
    }

    @Nested
    class EditDetails {
        private final ResolvedMigration original = file("1", "CREATE TABLE a (id int);\nSELECT 1;\n");
        private final ResolvedMigration edited = file("1", "CREATE TABLE a (id bigint);\nSELECT 1;\n");

        @Test
        void theContentRecordedForAnEditedRowBecomesTheProblemsChangedLines() {
            MigrationPlan plan = new Planner(false).plan(files(edited), List.of(applied(4, original)),
                    Map.of(4, original.content()));

            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.EDITED);
                assertThat(problem.changedLines()).contains(new ChangedLines(0, List.of("CREATE TABLE a (id int);"),
                        List.of("CREATE TABLE a (id bigint);")));
                assertThat(problem.message()).as("the sentence alone").doesNotContain("\n");
                assertThat(problem.text()).isEqualTo(problem.message() + "\n"
                        + "line 1 (applied) became line 1 (now):\n"
                        + "  - 1: CREATE TABLE a (id int);\n"
                        + "  + 1: CREATE TABLE a (id bigint);");
            });
        }

        @Test
        void withoutRecordedContentTheProblemHasNoChangedLinesAndItsTextIsTheMessage() {
            MigrationPlan plan = new Planner(false).plan(files(edited), List.of(applied(4, original)), Map.of());

            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.changedLines()).isEmpty();
                assertThat(problem.text()).isEqualTo(problem.message());
            });
        }

        @Test
        void editedRowsNamesBeforePlanningExactlyTheRowsThePlanCallsEdited() {
            ResolvedMigration two = file("2");
            ResolvedMigration three = file("3", "SELECT 'three, edited';\n");
            ResolvedMigration five = file("5", "SELECT 'five, edited';\n");
            ResolvedMigrations resolved = files(edited, two, three, file("4"), five);
            List<HistoryRow> history = List.of(
                    applied(1, original),                                   // edited
                    applied(2, two),                                        // applied as it is
                    row(3, "3", three.script(), Checksum.of("SELECT 3;\n").toString(), false), // failed
                    row(4, "4", "V4__m4.sql", "md5:900150983cd24fb0d6963f7d28e17f72", true), // unreadable
                    row(5, "5", five.script(), Checksum.of("SELECT 5;\n").toString(), true),
                    new HistoryRow(6, new MigrationId.Versioned(Version.parse("5")), "undo 5", MigrationType.UNDO,
                            "U5__m5.sql",
                            Checksum.of("drop;").toString(), "strata", INSTALLED_AT, 3, true), // undone, then edited
                    row(7, "6", "V6__m6.sql", Checksum.of("SELECT 6;\n").toString(), true)); // file missing

            List<HistoryRow> named = EditedRows.of(resolved, history);
            MigrationPlan plan = plan(resolved, history.toArray(HistoryRow[]::new));

            assertThat(named).extracting(HistoryRow::installedRank).containsExactly(1);
            assertThat(plan.entries()).filteredOn(entry -> entry.state() == MigrationState.EDITED)
                    .extracting(entry -> entry.row().orElseThrow().installedRank()).contains(1);
            assertThat(plan.problems()).filteredOn(problem -> problem.kind() == ProblemKind.EDITED)
                    .extracting(Problem::script).containsExactly(edited.script());
        }
    }

    /** The one problem planning a single pending file reports. */
    private static Problem onlyProblem(String content) {
        MigrationPlan plan = plan(files(file("1", content)));
        assertThat(plan.pending()).isEmpty();
        assertThat(plan.problems()).hasSize(1);
        return plan.problems().get(0);
    }

    private static void assertPlansCleanly(String content) {
        MigrationPlan plan = plan(files(file("1", content)));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.pending()).hasSize(1);
    }

    @Nested
    class TransactionControlInATransactionalFile {
        @Test
        void everyStatementThatEndsOrStartsTheTransactionIsRefusedWithItsLineAndTheFix() {
            for (String control : List.of("COMMIT", "commit and chain", "END", "end work", "ROLLBACK",
                    "rollback transaction", "ABORT", "BEGIN", "begin isolation level serializable",
                    "START TRANSACTION", "start /* c */ transaction read only", "PREPARE TRANSACTION 'x'",
                    "COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'")) {
                Problem problem = onlyProblem("create table a (id int);\n-- now\n" + control + ";\n");

                assertThat(problem.kind()).as(control).isEqualTo(ProblemKind.TRANSACTION_CONTROL);
                assertThat(problem.message()).as(control)
                        .startsWith("db/migration/V1__m1.sql:3: '" + control + "' ends or starts a transaction");
                assertThat(problem.hint()).contains("-- strata:transaction=false").contains("remove it");
            }
        }

        @Test
        void savepointsAndRollbackToAStayInsideTheTransactionAndAreFine() {
            assertPlansCleanly("""
                    savepoint before_insert;
                    create table a (id int);
                    rollback to savepoint before_insert;
                    ROLLBACK WORK TO before_insert;
                    release savepoint before_insert;
                    """);
        }

        @Test
        void beginAtomicBodiesAndPlpgsqlBlocksAreNotTransactionControl() {
            assertPlansCleanly("""
                    create function one() returns int language sql
                    begin atomic
                      select 1;
                    end;
                    create function two() returns int language plpgsql as $$
                    begin
                      commit;
                      return 2;
                    end $$;
                    do $$ begin rollback; end $$;
                    """);
        }

        @Test
        void aNonTransactionalFileMayManageItsOwnTransactions() {
            assertPlansCleanly("-- strata:transaction=false\nbegin;\ncreate table a (id int);\ncommit;\n");
        }
    }

    @Nested
    class StatementsThatCannotRunInATransaction {
        @Test
        void areFoundWhateverCommentsAndLineBreaksSitBetweenTheirKeywords() {
            for (String statement : List.of("create index /*c*/ concurrently i on t (a)",
                    "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", "create\nunique -- why\nindex\nconcurrently i on t (a)",
                    "DROP INDEX CONCURRENTLY i", "REINDEX INDEX CONCURRENTLY i", "reindex (verbose) table concurrently t",
                    "reindex (concurrently) table t", "REINDEX DATABASE app", "CLUSTER", "cluster verbose",
                    "VACUUM", "vacuum (analyze) t", "CREATE DATABASE other", "drop database other",
                    "ALTER SYSTEM SET work_mem = '8MB'", "CREATE TABLESPACE ts LOCATION '/x'",
                    "alter database app set tablespace ts", "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
                    "discard all")) {
                Problem problem = onlyProblem("create table t (a int);\n" + statement + ";\n");

                assertThat(problem.kind()).as(statement).isEqualTo(ProblemKind.NEEDS_NO_TRANSACTION);
                assertThat(problem.message()).as(statement).startsWith("db/migration/V1__m1.sql:2: '")
                        .contains("cannot run inside a transaction");
                assertThat(problem.hint()).contains("-- strata:transaction=false");
            }
        }

        @Test
        void similarStatementsThatDoRunInATransactionAreFine() {
            assertPlansCleanly("""
                    create index i on t (a);
                    create table concurrently (id int);
                    cluster t using i;
                    reindex (concurrently false) table t;
                    reindex table t;
                    refresh materialized view concurrently v;
                    alter type mood add value 'ok';
                    alter database app set work_mem = '8MB';
                    comment on table t is 'vacuum';
                    """);
        }
    }

    @Nested
    class ClientCommands {
        @Test
        void copyFromStdinIsRefusedWithItsLineAndWhatToDoInstead() {
            Problem problem = onlyProblem("create table t (a int, b text);\nCOPY t (a, b) FROM stdin;\n1\tx\n\\.\n");

            assertThat(problem.kind()).isEqualTo(ProblemKind.CLIENT_COMMAND);
            assertThat(problem.message()).isEqualTo("db/migration/V1__m1.sql:2: 'COPY t (a, b) FROM stdin' exchanges"
                    + " its data with the client, which only psql can do from a script");
            assertThat(problem.hint()).contains("INSERT … VALUES");
        }

        @Test
        void copyToStdoutIsRefusedButCopyWithAServerFileIsFine() {
            assertThat(onlyProblem("copy (select 1) to stdout;\n").kind()).isEqualTo(ProblemKind.CLIENT_COMMAND);
            assertPlansCleanly("copy t from '/srv/data.csv' with (format csv);\ncreate table stdin (id int);\n");
        }

        @Test
        void psqlMetaCommandsOnALineOfTheirOwnAreRefusedWithTheirLine() {
            for (String command : List.of("\\set ON_ERROR_STOP on", "\\i other.sql", "  \\connect app",
                    "\\gset")) {
                Problem problem = onlyProblem("create table t (a int);\n\n" + command + "\nselect 1;\n");

                assertThat(problem.kind()).as(command).isEqualTo(ProblemKind.CLIENT_COMMAND);
                assertThat(problem.message()).as(command).isEqualTo("db/migration/V1__m1.sql:3: '" + command.strip()
                        + "' is a psql meta-command; the server would receive it as SQL");
            }
        }

        @Test
        void backslashesInsideStringsCommentsAndBodiesAreNotMetaCommands() {
            assertPlansCleanly("""
                    select E'\\n
                    \\set not a command';
                    -- \\set in a comment
                    /*
                    \\i in a block comment */
                    create function f() returns text language sql as $$
                    \\gset is just text here
                    select 'x' $$;
                    """);
        }
    }

    @Nested
    class Directives {
        @Test
        void areHonouredAnywhereAboveTheFirstStatementEvenAfterABlockComment() {
            MigrationPlan plan = plan(files(file("1", """
                    /* Adds the search index.
                       Owner: search team */
                    -- strata:transaction=false
                    -- strata:lock_timeout=5s
                    create index concurrently i on t (a);
                    """)));

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.pending().get(0).directives().describe()).isEqualTo("transaction=false, lock_timeout=5s");
        }

        @Test
        void aDirectiveAfterTheFirstStatementIsAnErrorNamingItsLine() {
            Problem problem = onlyProblem("create table t (a int);\n-- strata:statement_timeout=5min\n");

            assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_DIRECTIVE);
            assertThat(problem.message()).isEqualTo("db/migration/V1__m1.sql:2: '-- strata:statement_timeout=5min'"
                    + " comes after the first statement (line 1) and would be ignored: directives count only above"
                    + " the first statement; move it there, or remove it");
        }

        @Test
        void upperCaseAndRepeatedDirectivesAreErrorsNotSilentlyIgnored() {
            assertThat(onlyProblem("-- STRATA:transaction=false\nvacuum;\n").message())
                    .isEqualTo("db/migration/V1__m1.sql:1: malformed directive '-- STRATA:transaction=false': expected"
                            + " -- strata:<name>=<value> (directives are written in lower case)");
            assertThat(onlyProblem("-- strata:lock_timeout=1s\n--strata:lock_timeout=2s\nselect 1;\n").message())
                    .isEqualTo("db/migration/V1__m1.sql:2: strata:lock_timeout is given twice: keep one");
        }

        @Test
        void proseThatMentionsStrataIsAnOrdinaryComment() {
            assertPlansCleanly("-- Strata: creates the users table\ncreate table users (id int);\n"
                    + "-- see strata docs\n");
        }
    }

    @Nested
    class DetectedNonTransactionalFiles {
        private MigrationPlan detect(String content) {
            return new Planner(false, new PreparationCache(NonTransactionalFiles.DETECT))
                    .plan(files(file("1", content)), List.of());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"create index concurrently i on t (a);",
                "-- build it without blocking writes\nCREATE UNIQUE INDEX CONCURRENTLY i ON t (a);\n",
                "drop index concurrently if exists i;\ncreate index concurrently i on t (a);"})
        void aFileMadeOnlyOfSuchStatementsRunsWithoutATransaction(String content) {
            MigrationPlan plan = detect(content);

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.pending()).singleElement()
                    .satisfies(pending -> assertThat(pending.directives().transactional()).isFalse());
        }

        @Test
        void withTheDefaultDirectiveModeTheSameFileIsRefused() {
            MigrationPlan plan = plan(files(file("1", "create index concurrently i on t (a);")));

            assertThat(plan.problems()).extracting(Problem::kind).containsExactly(ProblemKind.NEEDS_NO_TRANSACTION);
        }

        @Test
        void aFileMixingBothKindsIsStillRefusedWithFileAndLine() {
            MigrationPlan plan = detect("create table t (a int);\ncreate index concurrently i on t (a);\n");

            assertThat(plan.pending()).isEmpty();
            assertThat(plan.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.NEEDS_NO_TRANSACTION);
                assertThat(problem.message()).startsWith("db/migration/V1__m1.sql:2: 'create index concurrently")
                        .contains("also holds statements that must run in one");
            });
        }

        @Test
        void anExplicitTransactionDirectiveIsNeverOverridden() {
            MigrationPlan plan = detect("-- strata:transaction=true\ncreate index concurrently i on t (a);");

            assertThat(plan.problems()).extracting(Problem::kind).containsExactly(ProblemKind.NEEDS_NO_TRANSACTION);
        }

        @Test
        void ordinaryAndEmptyFilesKeepTheirTransaction() {
            assertThat(detect("create table t (a int);").pending().get(0).directives().transactional()).isTrue();
            assertThat(detect("-- placeholder").pending().get(0).directives().transactional()).isTrue();
        }
    }
}
