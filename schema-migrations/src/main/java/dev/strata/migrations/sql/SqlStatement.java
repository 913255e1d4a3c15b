package dev.strata.migrations.sql;

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

    /**
     * What to send to the server: {@code sql} with its comments blanked out, same length and lines (see
     * {@link SqlSplitter#blankComments}).
     */
    public String executableSql() {
        return SqlSplitter.blankComments(sql);
    }

    /** 0-based char offset just past {@code sql} in the script. */
    public int endOffset() {
        return startOffset + sql.length();
    }

    /**
     * Script position of {@code sql.charAt(indexInStatement)}. Needs no script because {@code sql}
     * is a contiguous slice of it: walking the slice from the known start is enough. Useful to turn
     * a server error position (converted to a char index) into a line in the migration file.
     *
     * @throws IndexOutOfBoundsException if the index is negative or past {@code sql.length()}
     */
    public TextPosition positionOf(int indexInStatement) {
        if (indexInStatement < 0 || indexInStatement > sql.length()) {
            throw new IndexOutOfBoundsException("index " + indexInStatement + " outside 0.." + sql.length());
        }
        return new TextPosition(line, column).advance(sql, 0, indexInStatement);
    }
}
