package dev.strata.migrations.core;

import java.util.List;

/**
 * The changed middle of two versions of a text: what is left once the lines both share at the head and at the tail
 * are trimmed. Linear, and exactly right for the usual single edit (an edited migration file, a function body changed
 * by hand).
 *
 * @param head   how many leading lines both share: the changed lines start at line {@code head + 1}
 * @param before the changed lines of the first version (may be empty)
 * @param after  the changed lines of the second version (may be empty)
 */
public record ChangedLines(int head, List<String> before, List<String> after) {
    public ChangedLines {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public static ChangedLines between(String first, String second) {
        List<String> before = first.lines().toList();
        List<String> after = second.lines().toList();
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        return new ChangedLines(head, before.subList(head, before.size() - tail),
                after.subList(head, after.size() - tail));
    }

    /** True when every line is the same (the texts may still differ in line endings or a final newline). */
    public boolean sameLines() {
        return before.isEmpty() && after.isEmpty();
    }
}
