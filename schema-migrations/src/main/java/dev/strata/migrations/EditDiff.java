package dev.strata.migrations;

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
        List<String> before = applied.lines().toList();
        List<String> after = current.lines().toList();
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        if (head == before.size() && head == after.size()) {
            return "only whitespace at the end of the file differs";
        }
        StringBuilder text = new StringBuilder();
        text.append(range("applied", head, before.size() - tail)).append(" became ")
                .append(range("now", head, after.size() - tail)).append(':');
        appendLines(text, "-", before.subList(head, before.size() - tail), head);
        appendLines(text, "+", after.subList(head, after.size() - tail), head);
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
