package dev.strata.migrations.plan;

import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlSyntaxException;

/**
 * Files that hold no statement: empty, blank or only comments. Other tools accept them (a dialect's placeholder, a
 * {@code -- nothing to undo} down file), and so does Strata: such a file runs nothing and is recorded like any other.
 */
public final class NoOpScripts {
    private NoOpScripts() {
    }

    /** Whether the entry's file holds no statement (empty, or only comments): it runs nothing when applied. */
    public static boolean isNoOp(PlanEntry entry) {
        return entry.file().filter(present -> holdsNoStatement(present.content())).isPresent();
    }

    static boolean holdsNoStatement(String content) {
        if (!content.contains("/*") && hasWordOutsideLineComments(content)) {
            // Every statement has a keyword: a letter outside the comments is one (no need to split the file).
            return false;
        }
        try {
            return SqlSplitter.split(content).isEmpty();
        } catch (SqlSyntaxException e) {
            return false;
        }
    }

    private static boolean hasWordOutsideLineComments(String content) {
        for (String line : content.split("\n", -1)) {
            int comment = line.indexOf("--");
            String code = comment < 0 ? line : line.substring(0, comment);
            if (code.chars().anyMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }
}
