package dev.strata.migrations.core;

import java.util.Objects;

/**
 * One statement cut out of a script.
 *
 * <p>{@code sql} is a verbatim substring of the script (comments inside it are kept, the
 * terminating {@code ;} and trailing whitespace are not) so that error positions reported by the
 * server can be mapped back to the file. Leading whitespace and comments are skipped so that
 * {@code line}/{@code column} point at the first real token rather than at a header comment.
 *
 * @param sql         the statement text, never blank
 * @param startOffset 0-based char offset of {@code sql} in the script
 * @param line        1-based line of the first token
 * @param column      1-based column (in code points) of the first token
 */
public record SqlStatement(String sql, int startOffset, int line, int column) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (startOffset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException(
                    "invalid position: offset " + startOffset + ", line " + line + ", column " + column);
        }
    }

    /** 0-based char offset just past {@code sql} in the script. */
    public int endOffset() {
        return startOffset + sql.length();
    }
}
