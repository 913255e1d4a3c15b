package dev.strata.cli;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.MigrationState;
import dev.strata.migrations.plan.PlanEntry;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Renders a plan as text: the status table, the summary line and the problem list. */
final class PlanText {
    private static final DateTimeFormatter INSTALLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final String[] HEADERS = {"Version", "Description", "State", "Installed at", "Duration"};
    private static final int DURATION_COLUMN = 4;
    private static final String ADOPTED_FROM_HEADER = "Adopted from";

    private PlanText() {
    }

    /**
     * The status table; when {@code strata adopt} recorded any row, a last column says where each such row came from
     * (the other tool's table and row, and how the file was checked).
     */
    static void printTable(MigrationPlan plan, PrintWriter out) {
        boolean anyAdopted = plan.entries().stream().anyMatch(entry -> entry.adoptedFrom().isPresent());
        List<String[]> rows = new ArrayList<>();
        rows.add(anyAdopted ? withAdoptedFrom(HEADERS, ADOPTED_FROM_HEADER) : HEADERS);
        for (PlanEntry entry : plan.entries()) {
            String[] row = {
                    entry.isRepeatable() ? "repeatable" : entry.version().toString(),
                    entry.description(),
                    entry.state().label() + (entry.adopted() ? " (adopted)" : "") + (entry.isNoOp() ? " (no-op)" : ""),
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

    static String summary(MigrationPlan plan) {
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

    static void printProblems(List<Problem> problems, PrintWriter out) {
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
}
