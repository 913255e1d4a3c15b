package dev.strata.migrations.core;


import java.util.List;

/**
 * Shows which lines of an applied file changed ({@link ChangedLines}, from the content recorded at apply time), as
 * text output prints an edited file's problem ({@link Problem#text()}): the changed middle, at most a few lines of
 * each side.
 */
public final class EditDiff {
    private static final int MAX_LINES_SHOWN = 8;

    private EditDiff() {
    }

    static String describe(String applied, String current) {
        return describe(ChangedLines.between(applied, current));
    }

    public static String describe(ChangedLines changed) {
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
