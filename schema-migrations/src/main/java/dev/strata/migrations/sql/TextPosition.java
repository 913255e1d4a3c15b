package dev.strata.migrations.sql;

import dev.strata.migrations.core.SqlStatement;

import java.util.Objects;

/**
 * A 1-based line and column in a script, for messages a person reads next to an editor.
 *
 * <p>Only {@code \n} separates lines because scripts are normalised to LF before splitting; a
 * stray {@code \r} is just another column. Columns count Unicode code points rather than UTF-16
 * chars, so an emoji advances the column by one, as it does in editors and in PostgreSQL's own
 * error positions.
 *
 * @param line   1-based line number
 * @param column 1-based column, in code points
 */
public record TextPosition(int line, int column) {

    static final TextPosition START = new TextPosition(1, 1);

    public TextPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /**
     * Position of {@code text.charAt(offset)}; {@code offset == text.length()} is allowed so that
     * "end of script" can be reported. A {@code \n} belongs to the line it ends.
     *
     * @throws IndexOutOfBoundsException if {@code offset} is negative or past the end
     */
    public static TextPosition of(String text, int offset) {
        Objects.requireNonNull(text, "text");
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
        return START.advance(text, 0, offset);
    }

    /**
     * Script position of {@code statement.sql().charAt(indexInStatement)}. Needs no script because the statement's
     * SQL is a contiguous slice of it: walking the slice from the statement's known start is enough. Useful to turn a
     * server error position (converted to a char index) into a line in the migration file.
     *
     * @throws IndexOutOfBoundsException if the index is negative or past {@code statement.sql().length()}
     */
    public static TextPosition inStatement(SqlStatement statement, int indexInStatement) {
        String sql = statement.sql();
        if (indexInStatement < 0 || indexInStatement > sql.length()) {
            throw new IndexOutOfBoundsException("index " + indexInStatement + " outside 0.." + sql.length());
        }
        return new TextPosition(statement.line(), statement.column()).advance(sql, 0, indexInStatement);
    }

    /**
     * Moves from this position (which must be that of {@code text[from]}) to {@code text[to]}.
     * Lets the splitter compute every statement position in one pass over the script instead of
     * rescanning from the start, which would be quadratic for long single-line scripts.
     */
    TextPosition advance(CharSequence text, int from, int to) {
        int l = line;
        int c = column;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                l++;
                c = 1;
            } else if (!(Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                c++;
            }
        }
        return l == line && c == column ? this : new TextPosition(l, c);
    }
}
