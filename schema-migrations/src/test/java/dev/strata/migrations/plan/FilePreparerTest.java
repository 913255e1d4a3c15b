package dev.strata.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The seams of planning that return values: one file's preparation, one row's checksum, one step's part. */
class FilePreparerTest {

    private static ResolvedMigration file(String content) {
        return new ResolvedMigration(new MigrationId.Versioned(Version.parse("1")), "m1", "V1__m1.sql",
                "db/migration/V1__m1.sql", content,
                Checksum.of(content));
    }

    private static HistoryRow row(String checksum) {
        return new HistoryRow(7, new MigrationId.Versioned(Version.parse("1")), "m1", MigrationType.SQL, "V1__m1.sql",
                checksum, "strata",
                OffsetDateTime.of(2024, 10, 21, 14, 23, 30, 0, ZoneOffset.UTC), 12, true);
    }

    @Nested
    class OneFile {
        @Test
        void aRunnableFileIsReadyWithItsStatementsAndNoProblem() {
            Preparation preparation = FilePreparer.prepare(file("create table t (a int);\nselect 1;\n"),
                    NonTransactionalFiles.DIRECTIVE);

            assertThat(preparation).isInstanceOf(Preparation.Ready.class);
            assertThat(preparation.problems()).isEmpty();
            assertThat(preparation.ready()).get().satisfies(pending -> {
                assertThat(pending.statements()).hasSize(2);
                assertThat(pending.directives().transactional()).isTrue();
            });
        }

        @Test
        void anUnparseableFileIsRefusedWithOneProblemNamingItsLineAndColumn() {
            Preparation preparation = FilePreparer.prepare(file("select 1;\nselect $$never closed;\n"),
                    NonTransactionalFiles.DIRECTIVE);

            assertThat(preparation.ready()).isEmpty();
            assertThat(preparation.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.UNPARSEABLE);
                assertThat(problem.message()).startsWith("db/migration/V1__m1.sql:2:");
            });
        }

        @Test
        void aBadDirectiveIsRefusedBeforeAnyStatementIsChecked() {
            Preparation preparation = FilePreparer.prepare(
                    file("-- strata:transaction=maybe\ncreate index concurrently i on t (a);\n"),
                    NonTransactionalFiles.DETECT);

            assertThat(preparation.problems()).extracting(Problem::kind)
                    .containsExactly(ProblemKind.INVALID_DIRECTIVE);
        }

        @Test
        void theModeDecidesWhetherAConcurrentIndexRunsWithoutATransactionOrIsRefused() {
            ResolvedMigration concurrent = file("create index concurrently i on t (a);");

            assertThat(FilePreparer.prepare(concurrent, NonTransactionalFiles.DETECT).ready()).get()
                    .satisfies(pending -> assertThat(pending.directives().transactional()).isFalse());
            assertThat(FilePreparer.prepare(concurrent, NonTransactionalFiles.DIRECTIVE).problems())
                    .extracting(Problem::kind).containsExactly(ProblemKind.NEEDS_NO_TRANSACTION);
        }

        @Test
        void aLayoutThatNamesNonTransactionalFilesIsHonouredWithoutADirective() {
            String content = "create index concurrently i on t (a);";
            ResolvedMigration popx = new ResolvedMigration(new MigrationId.Versioned(Version.parse("1")), "m1",
                    "1_m1.autocommit.up.sql",
                    "db/1_m1.autocommit.up.sql", content, Checksum.of(content), Layout.POPX);

            assertThat(FilePreparer.prepare(popx, NonTransactionalFiles.DIRECTIVE).ready()).get()
                    .satisfies(pending -> assertThat(pending.directives().transactional()).isFalse());
        }

        @Test
        void preparingTwiceGivesEqualValuesSinceNothingIsKeptBetweenCalls() {
            ResolvedMigration file = file("select 1;");

            assertThat(FilePreparer.prepare(file, NonTransactionalFiles.DIRECTIVE))
                    .isEqualTo(FilePreparer.prepare(file, NonTransactionalFiles.DIRECTIVE));
        }
    }

    @Nested
    class TheRunsCache {
        @Test
        void returnsTheSamePreparationForTheSameFileInEveryPlanOfTheRun() {
            PreparationCache prepared = new PreparationCache();
            ResolvedMigration file = file("select 1;");
            prepared.prepareAll(List.of(file));

            assertThat(prepared.of(file)).isSameAs(prepared.of(file));
        }
    }

    @Nested
    class ARowsChecksum {
        @Test
        void isTheSameWhenTheFileIsUnchanged() {
            ResolvedMigration file = file("select 1;");

            assertThat(ChecksumComparison.of(row(file.checksum().toString()), file, "hint"))
                    .isInstanceOf(ChecksumComparison.Same.class);
        }

        @Test
        void differsWithTheRecordedChecksumWhenTheFileWasEdited() {
            Checksum recorded = Checksum.of("select 0;");

            assertThat(ChecksumComparison.of(row(recorded.toString()), file("select 1;"), "hint"))
                    .isEqualTo(new ChecksumComparison.Differs(recorded));
        }

        @Test
        void isUnreadableWithAProblemCarryingTheCallersHint() {
            assertThat(ChecksumComparison.of(row("nonsense:123"), file("select 1;"), "upgrade Strata"))
                    .isInstanceOfSatisfying(ChecksumComparison.Unreadable.class, unreadable -> {
                        assertThat(unreadable.problem().kind()).isEqualTo(ProblemKind.UNREADABLE_HISTORY);
                        assertThat(unreadable.problem().message()).startsWith("history row 7 for V1__m1.sql: ");
                        assertThat(unreadable.problem().hint()).isEqualTo("upgrade Strata");
                    });
        }
    }

    @Nested
    class Steps {
        @Test
        void joinKeepsEachStepsEntriesFilesAndProblemsInStepOrder() {
            ResolvedMigration one = file("select 1;");
            PlanEntry entry = new PlanEntry(one.id(), one.description(), one.script(), MigrationState.PENDING,
                    Optional.of(one), Optional.empty());
            Problem first = new Problem(ProblemKind.FAILED, "a", Optional.empty(), "first", "");
            Problem second = new Problem(ProblemKind.FAILED, "b", Optional.empty(), "second", "");
            Preparation ready = FilePreparer.prepare(one, NonTransactionalFiles.DIRECTIVE);

            PlanPart joined = PlanPart.join(List.of(PlanPart.of(entry, first), PlanPart.EMPTY,
                    PlanPart.of(entry, ready), PlanPart.of(entry, second)));

            assertThat(joined.entries()).hasSize(3);
            assertThat(joined.pending()).containsExactly(ready.ready().orElseThrow());
            assertThat(joined.problems()).containsExactly(first, second);
        }

        @Test
        void undoFilesAddTheirProblemsToThePlanButNeverAFileToRun() {
            ResolvedMigration undo = new ResolvedMigration(new MigrationId.Versioned(Version.parse("1")), "m1",
                    "U1__m1.sql",
                    "db/migration/U1__m1.sql", "commit;", Checksum.of("commit;"));
            ResolvedMigration good = new ResolvedMigration(new MigrationId.Versioned(Version.parse("2")), "m2",
                    "U2__m2.sql",
                    "db/migration/U2__m2.sql", "select 2;", Checksum.of("select 2;"));
            ResolvedMigrations resolved = new ResolvedMigrations(List.of(), List.of(), List.of(undo, good));

            MigrationPlan plan = new Planner(false).plan(resolved, List.of());

            assertThat(plan.pending()).isEmpty();
            assertThat(plan.entries()).isEmpty();
            assertThat(plan.problems()).extracting(Problem::script).containsExactly("U1__m1.sql");
        }
    }
}
