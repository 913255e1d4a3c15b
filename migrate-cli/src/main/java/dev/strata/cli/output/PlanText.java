package dev.strata.cli.output;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ScriptDirectives;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.plan.NoOpScripts;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders a plan as text: the status table, the summary line, the problem list and the pending files. */
public final class PlanText {
    private static final DateTimeFormatter INSTALLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final String[] HEADERS = {"Version", "Description", "State", "Installed at", "Duration"};
    private static final int DURATION_COLUMN = 4;
    private static final String ADOPTED_FROM_HEADER = "Adopted from";
    private static final int MAX_STATEMENT_LINES = 12;

    private PlanText() {
    }

    /**
     * The status table; when {@code strata adopt} recorded any row, a last column says where each such row came from
     * (the other tool's table and row, and how the file was checked).
     */
    public static void printTable(MigrationPlan plan, PrintWriter out) {
        boolean anyAdopted = plan.entries().stream().anyMatch(entry -> entry.adoptedFrom().isPresent());
        List<String[]> rows = new ArrayList<>();
        rows.add(anyAdopted ? withAdoptedFrom(HEADERS, ADOPTED_FROM_HEADER) : HEADERS);
        for (PlanEntry entry : plan.entries()) {
            String[] row = {
                    entry.id() instanceof MigrationId.Versioned versioned ? versioned.version().toString()
                            : "repeatable",
                    entry.description(),
                    entry.state().label() + (entry.adopted() ? " (adopted)" : "")
                            + (NoOpScripts.isNoOp(entry) ? " (no-op)" : ""),
                    entry.installedAt().map(at -> INSTALLED_AT.format(at.withOffsetSameInstant(ZoneOffset.UTC))).orElse(""),
                    entry.executionMs().map(ms -> ms + " ms").orElse("")
            };
            rows.add(anyAdopted ? withAdoptedFrom(row, entry.adoptedFrom().orElse("")) : row);
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean rightAligned = i == DURATION_COLUMN;
                String cell = rightAligned ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String[] withAdoptedFrom(String[] row, String adoptedFrom) {
        String[] wider = Arrays.copyOf(row, row.length + 1);
        wider[row.length] = adoptedFrom;
        return wider;
    }

    public static String summary(MigrationPlan plan) {
        Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
        plan.entries().forEach(entry -> counts.merge(entry.state(), 1, Integer::sum));
        StringBuilder text = new StringBuilder().append(plan.entries().size())
                .append(plan.entries().size() == 1 ? " migration" : " migrations");
        List<String> parts = new ArrayList<>();
        counts.forEach((state, count) -> parts.add(count + " " + state.label()));
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        text.append(". Current version: ").append(SchemaVersionText.current(plan.current())).append('.');
        return text.toString();
    }

    public static void printProblems(List<Problem> problems, PrintWriter out) {
        if (problems.isEmpty()) {
            return;
        }
        out.println();
        out.println(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
        for (Problem problem : problems) {
            out.println("  - " + problem.text().replace("\n", "\n    "));
            if (!problem.hint().isEmpty()) {
                out.println("    fix: " + problem.hint());
            }
        }
    }

    /** A pending file as {@code strata plan} lists it: its statements, numbered, each with its line in the file. */
    static void printPending(PendingMigration pending, PrintWriter out) {
        List<SqlStatement> statements = pending.statements();
        out.println();
        if (statements.isEmpty()) {
            out.println(pending.migration().script() + " (" + pending.migration().id().describe()
                    + ", no-op: no statements, only comments or nothing; it will be recorded as applied)");
            return;
        }
        out.println(pending.migration().script() + " (" + pending.migration().id().describe() + ", "
                + statements.size() + (statements.size() == 1 ? " statement" : " statements") + ", "
                + directives(pending.directives()) + ")");
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            List<String> lines = statement.sql().lines().toList();
            out.printf("  %d. line %d: %s%n", i + 1, statement.line(), lines.isEmpty() ? "" : lines.get(0));
            for (int l = 1; l < Math.min(lines.size(), MAX_STATEMENT_LINES); l++) {
                out.println("       " + lines.get(l));
            }
            if (lines.size() > MAX_STATEMENT_LINES) {
                out.println("       … " + (lines.size() - MAX_STATEMENT_LINES) + " more lines");
            }
        }
    }

    /**
     * The file's transaction mode and its own timeouts, e.g. {@code without a transaction, lock_timeout=5s}: read
     * from the same directives as the JSON's {@code transactional} and {@code directives}.
     */
    private static String directives(ScriptDirectives directives) {
        StringBuilder text = new StringBuilder(directives.transactional() ? "in one transaction" : "without a transaction");
        directives.timeouts().statementTimeout().ifPresent(timeout -> text.append(", statement_timeout=")
                .append(ScriptDirectives.durationText(timeout)));
        directives.timeouts().lockTimeout().ifPresent(timeout -> text.append(", lock_timeout=")
                .append(ScriptDirectives.durationText(timeout)));
        return text.toString();
    }
}
