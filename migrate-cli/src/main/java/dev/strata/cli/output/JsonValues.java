package dev.strata.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.ChangedLines;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.core.ScriptDirectives;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.plan.NoOpScripts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The values of the JSON documents, as records that Jackson writes by data binding: a record's components are a
 * JSON object's keys, in the order declared, so the order documented in docs/cli.md ("Output") is the order here.
 * Each is made from the same result value the text output is rendered from. A fact the engine does not have is
 * JSON null (a repeatable migration's version, a time a tool did not record).
 */
final class JsonValues {
    private JsonValues() {
    }

    /** {@code currentVersion}: where the database was when read; {@code targetVersion}: where the pending files take it. */
    record Plan(String currentVersion, String targetVersion, List<Entry> entries, List<Pending> pending,
                List<ProblemValue> problems) {
        static Plan of(MigrationPlan plan, boolean withStatements) {
            return new Plan(text(plan.current()), text(plan.target()),
                    plan.entries().stream().map(Entry::of).toList(),
                    plan.pending().stream().map(pending -> Pending.of(pending, withStatements)).toList(),
                    plan.problems().stream().map(ProblemValue::of).toList());
        }
    }

    /** One row of the status table. */
    record Entry(String version, boolean repeatable, String description, String script, String state,
                 boolean adopted, String adoptedFrom, boolean noOp, String installedAt, Integer executionMs) {
        static Entry of(PlanEntry entry) {
            return new Entry(text(entry.id().versionNumber()), entry.id() instanceof MigrationId.Repeatable,
                    entry.description(), entry.script(),
                    entry.state().label(), entry.adopted(), entry.adoptedFrom().orElse(null), NoOpScripts.isNoOp(entry),
                    entry.installedAt().map(JsonValues::utc).orElse(null), entry.executionMs().orElse(null));
        }
    }

    /** A file the plan would apply; its statements only where the command shows them ({@code plan}): else no key. */
    record Pending(String script, String version, boolean repeatable, String description, boolean transactional,
                   boolean noOp, Directives directives,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<Statement> statements) {
        static Pending of(PendingMigration pending, boolean withStatements) {
            List<SqlStatement> statements = pending.statements();
            return new Pending(pending.migration().script(), text(pending.migration().id().versionNumber()),
                    pending.migration().id() instanceof MigrationId.Repeatable, pending.migration().description(),
                    pending.directives().transactional(), statements.isEmpty(), Directives.of(pending.directives()),
                    withStatements ? IntStream.range(0, statements.size())
                            .mapToObj(i -> Statement.of(i + 1, statements.get(i))).toList() : null);
        }
    }

    /** The file's own settings: its transaction mode and timeouts (null: the server's). */
    record Directives(boolean transaction, String statementTimeout, String lockTimeout) {
        static Directives of(ScriptDirectives directives) {
            return new Directives(directives.transactional(),
                    directives.timeouts().statementTimeout().map(ScriptDirectives::durationText).orElse(null),
                    directives.timeouts().lockTimeout().map(ScriptDirectives::durationText).orElse(null));
        }
    }

    /** A statement of a pending file, numbered from 1, with where it starts in the file. */
    record Statement(int number, int line, int column, String sql) {
        static Statement of(int number, SqlStatement statement) {
            return new Statement(number, statement.line(), statement.column(), statement.sql());
        }
    }

    /** A problem; {@code message} carries the changed lines too (as text shows them), {@code changedLines} as data. */
    record ProblemValue(String kind, String script, String version, String message, String hint,
                        ChangedLinesValue changedLines) {
        static ProblemValue of(Problem problem) {
            return new ProblemValue(problem.kind().name(), problem.script(), text(problem.version()),
                    problem.text(), problem.hint(), problem.changedLines().map(ChangedLinesValue::of).orElse(null));
        }
    }

    /** An edited file's changed lines: the first changed line (1-based), the lines as applied and as they are now. */
    record ChangedLinesValue(int firstLine, List<String> applied, List<String> now) {
        static ChangedLinesValue of(ChangedLines changed) {
            return new ChangedLinesValue(changed.head() + 1, changed.before(), changed.after());
        }
    }

    /** A file migrate applied, or an undo file undo ran. */
    record Run(String script, String version, String description, int statements, int executionMs) {
        static Run of(AppliedFile file) {
            return new Run(file.script(), text(file.id().versionNumber()), file.description(), file.statements(),
                    file.executionMs());
        }
    }

    /** A finished {@code migrate}: the versions before and after, the files applied, and how long it took. */
    record Migrated(String currentVersion, String targetVersion, List<Run> applied, long elapsedMs) {
        static Migrated of(MigrateResult result, List<Run> applied) {
            return new Migrated(text(result.plan().current()), text(result.plan().target()), applied,
                    result.elapsed().toMillis());
        }
    }

    /** A finished {@code undo}: {@code targetVersion} is the version the database is at now. */
    record Undone(String currentVersion, String targetVersion, List<Run> undone, long elapsedMs) {
        static Undone of(UndoResult result, List<Run> undone) {
            return new Undone(text(result.plan().current()), text(result.current()), undone,
                    result.elapsed().toMillis());
        }
    }

    /** The row {@code baseline} recorded. */
    record Baseline(String version, String description, int installedRank) {
        static Baseline of(HistoryRow row) {
            return new Baseline(text(row.id().versionNumber()), row.description(), row.installedRank());
        }
    }

    /** One change {@code repair} made to the history. */
    record Repair(String kind, String script, String version, int installedRank, String before, String after) {
        static Repair of(RepairAction action) {
            return new Repair(action.kind().name(), action.script(), text(action.id().versionNumber()),
                    action.installedRank(),
                    action.before(), action.after());
        }
    }

    /** A finished (or, with {@code dryRun}, planned) {@code adopt}: the rows recorded and those left alone. */
    record Adopted(String tool, String source, boolean dryRun, List<AdoptedRow> adopted, List<String> notAdopted) {
        static Adopted of(AdoptionPlan plan, boolean dryRun) {
            return new Adopted(plan.tool(), plan.source().toString(), dryRun,
                    plan.adoptions().stream().map(AdoptedRow::of).toList(), plan.notes());
        }
    }

    /** A row adopt records; who and when null when the tool did not record it (the row keeps the adoption's). */
    record AdoptedRow(String version, String type, String script, String installedBy, String installedAt,
                      String provenance) {
        static AdoptedRow of(AdoptionPlan.Adoption adoption) {
            return new AdoptedRow(text(adoption.id().versionNumber()), adoption.type().name(), adoption.script(),
                    adoption.source().installedBy().orElse(null),
                    adoption.source().installedOn().map(JsonValues::utc).orElse(null), adoption.provenance());
        }
    }

    /** A repeatable migration has no version: JSON null. */
    static String text(Optional<Version> version) {
        return version.map(Version::toString).orElse(null);
    }

    static String utc(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
