package dev.strata.migrations.drift;

import dev.strata.migrations.core.ChangedLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The text of a {@link SchemaDiff}: each object on a line of its own ({@code index public.jobs_pending_idx: changed}),
 * then both sides, indented. A multi-line value (a function or view definition) that changed is shown as the lines
 * that differ, numbered, rather than twice in full.
 */
final class DiffText {
    private static final String NONE = "(none)";
    private static final int MAX_LINES_SHOWN = 12;

    private DiffText() {
    }

    static String summary(SchemaDiff diff) {
        if (diff.isEmpty()) {
            return "no differences";
        }
        List<String> counts = new ArrayList<>();
        for (ObjectDifference.Change change : List.of(ObjectDifference.Change.CHANGED, ObjectDifference.Change.MISSING,
                ObjectDifference.Change.UNEXPECTED)) {
            long count = diff.count(change);
            if (count > 0) {
                counts.add(count + " " + change.label());
            }
        }
        int size = diff.differences().size();
        return size + (size == 1 ? " difference: " : " differences: ") + String.join(", ", counts);
    }

    static String describe(SchemaDiff diff) {
        StringBuilder text = new StringBuilder(summary(diff));
        for (ObjectDifference difference : diff.differences()) {
            text.append('\n').append(describe(difference));
        }
        for (String note : diff.notes()) {
            text.append("\nnote: ").append(note);
        }
        return text.toString();
    }

    static String describe(ObjectDifference difference) {
        StringBuilder text = new StringBuilder();
        text.append(difference.key()).append(": ").append(difference.change().label());
        if (difference.change() == ObjectDifference.Change.CHANGED) {
            for (AttributeDifference attribute : difference.attributes()) {
                appendAttribute(text, attribute);
            }
        } else {
            appendSide(text, "expected: ", difference.expected());
            appendSide(text, "actual:   ", difference.actual());
        }
        if (!difference.parts().isEmpty()) {
            text.append("\n  with its ").append(parts(difference));
        }
        return text.toString();
    }

    private static void appendAttribute(StringBuilder text, AttributeDifference attribute) {
        String expected = attribute.expected().orElse(NONE);
        String actual = attribute.actual().orElse(NONE);
        if (!expected.contains("\n") && !actual.contains("\n")) {
            text.append("\n  ").append(attribute.attribute()).append(':');
            text.append("\n    expected: ").append(expected);
            text.append("\n    actual:   ").append(actual);
            return;
        }
        ChangedLines changed = ChangedLines.between(expected, actual);
        text.append("\n  ").append(attribute.attribute()).append(", from line ").append(changed.head() + 1).append(':');
        appendLines(text, "expected", changed.before(), changed.head());
        appendLines(text, "actual  ", changed.after(), changed.head());
    }

    private static void appendLines(StringBuilder text, String side, List<String> lines, int first) {
        if (lines.isEmpty()) {
            text.append("\n    ").append(side).append("    -: (no lines)");
        }
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES_SHOWN); i++) {
            text.append("\n    ").append(side).append(' ').append(String.format("%3d", first + i + 1)).append(": ")
                    .append(lines.get(i));
        }
        if (lines.size() > MAX_LINES_SHOWN) {
            text.append("\n    ").append(side).append(" … ").append(lines.size() - MAX_LINES_SHOWN).append(" more lines");
        }
    }

    /** {@code columns id, name; constraint jobs_pkey} for the parts folded into a missing or unexpected table. */
    private static String parts(ObjectDifference difference) {
        Map<ObjectKind, List<String>> byKind = new TreeMap<>();
        String prefix = difference.name() + ".";
        String schema = difference.name().substring(0, difference.name().lastIndexOf('.') + 1);
        for (SchemaObject part : difference.parts()) {
            String name = part.name().startsWith(prefix) ? part.name().substring(prefix.length())
                    : part.name().startsWith(schema) ? part.name().substring(schema.length()) : part.name();
            byKind.computeIfAbsent(part.kind(), kind -> new ArrayList<>()).add(name);
        }
        List<String> groups = new ArrayList<>();
        byKind.forEach((kind, names) -> groups.add((names.size() == 1 ? kind.label() : plural(kind)) + " "
                + String.join(", ", names)));
        return String.join("; ", groups);
    }

    private static String plural(ObjectKind kind) {
        return kind == ObjectKind.INDEX ? "indexes" : kind.label() + "s";
    }

    private static void appendSide(StringBuilder text, String label, Optional<SchemaObject> side) {
        text.append("\n  ").append(side.isPresent() && isMultiLine(side.get()) ? label.strip() : label);
        if (side.isEmpty()) {
            text.append(NONE);
            return;
        }
        SchemaObject object = side.get();
        if (!isMultiLine(object)) {
            text.append(object.describeAttributes());
            return;
        }
        object.attributes().forEach((attribute, value) -> {
            text.append("\n    ").append(attribute).append(':');
            value.lines().forEach(line -> text.append("\n      ").append(line));
        });
    }

    private static boolean isMultiLine(SchemaObject object) {
        return object.attributes().values().stream().anyMatch(value -> value.contains("\n"));
    }
}
