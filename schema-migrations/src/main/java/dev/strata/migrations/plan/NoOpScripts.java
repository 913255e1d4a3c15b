package dev.strata.migrations.plan;

import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlSyntaxException;

/**
 * Files that hold no statement: empty, blank or only comments. Other tools accept them (a dialect's placeholder, a
 * {@code -- nothing to undo} down file), and so does Strata: such a file runs nothing and is recorded like any other.
 */
final class NoOpScripts {
    private NoOpScripts() {
    }

    static boolean holdsNoStatement(String content) {
        if (!content.contains("/*")) {
            // Without block comments only line comments and blanks are not statements: no need to split.
            for (String line : content.split("\n", -1)) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("--")) {
                    return false;
                }
            }
            return true;
        }
        try {
            return SqlSplitter.split(content).isEmpty();
        } catch (SqlSyntaxException e) {
            return false;
        }
    }
}
