package dev.strata.migrations;

import dev.strata.migrations.core.ChangedLines;

import java.util.List;

/**
 * Shows which lines of an applied file changed, from the content recorded at apply time. Trims the common head and
 * tail and prints the changed middle: linear, and exactly right for the usual single edit.
 */
final class EditDiff {
    private static final int MAX_LINES_SHOWN = 8;

    private EditDiff() {
    }

    static String describe(String applied, String current) {
        ChangedLines changed = ChangedLines.between(applied, current);
        if (changed.sameLines()) {
            return "only whitespace at the end of the file differs";
        }
        int head = changed.head();
        StringBuilder text = new StringBuilder();
        text.append(range("applied", head, head + changed.before().size())).append(" became ")
                .append(range("now", head, head + changed.after().size())).append(':');
        appendLines(text, "-", changed.before(), head);
        appendLines(text, "+", changed.after(), head);
        return text.toString();
    }

    private static String range(String label, int from, int to) {
        if (to <= from) {
            return "nothing (" + label + ", after line " + from + ")";
        }
        return to - from == 1 ? "line " + (from + 1) + " (" + label + ")"
                : "lines " + (from + 1) + "-" + to + " (" + label + ")";
    }

    private static void appendLines(StringBuilder text, String marker, List<String> lines, int firstIndex) {
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES_SHOWN); i++) {
            text.append("\n  ").append(marker).append(' ').append(firstIndex + i + 1).append(": ").append(lines.get(i));
        }
        if (lines.size() > MAX_LINES_SHOWN) {
            text.append("\n  ").append(marker).append(" … ").append(lines.size() - MAX_LINES_SHOWN).append(" more");
        }
    }
}
