package dev.strata.migrations.sql;

/**
 * A quote, dollar quote or comment that never ends.
 *
 * <p>Reported where the construct <em>started</em>, because the end of the file, where the
 * scanner notices the problem, says nothing about which of many quotes is the unbalanced one.
 */
public final class SqlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String construct;
    private final int offset;
    private final int line;
    private final int column;

    /**
     * @param construct what was left open, e.g. {@code dollar-quoted string $body$}
     * @param offset    0-based char offset in the script where it started
     * @param position  line and column of that offset
     * @param hint      how to fix it, appended to the message
     */
    public SqlSyntaxException(String construct, int offset, TextPosition position, String hint) {
        super("unterminated " + construct + " starting at line " + position.line()
                + ", column " + position.column() + ": " + hint);
        this.construct = construct;
        this.offset = offset;
        this.line = position.line();
        this.column = position.column();
    }

    /** What was left open, e.g. {@code /* comment} or {@code quoted identifier "…"}. */
    public String construct() {
        return construct;
    }

    /** 0-based char offset in the script where the construct started. */
    public int offset() {
        return offset;
    }

    /** 1-based line where the construct started. */
    public int line() {
        return line;
    }

    /** 1-based column (in code points) where the construct started. */
    public int column() {
        return column;
    }
}
