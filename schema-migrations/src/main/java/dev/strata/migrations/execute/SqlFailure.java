package dev.strata.migrations.execute;

import dev.strata.migrations.core.MigrationId;

/**
 * Where and why a statement failed, in the file's terms: {@code line}/{@code column} point into the migration
 * file (PostgreSQL's error position mapped back through the statement's offset), not into the statement.
 */
public record SqlFailure(String script, String path, MigrationId id, int line, int column, String sqlState,
                         String message, String detail, String hint, String where, String statement,
                         int statementLine) {

    private static final int MAX_STATEMENT_CHARS = 2_000;

    /** The multi-line message users see. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append("migration ").append(script)
                .append(" (").append(id.describe()).append(')').append(" failed at ")
                .append(path).append(':').append(line).append(':').append(column);
        if (sqlState != null) {
            text.append(" [SQLSTATE ").append(sqlState).append(']');
        }
        text.append(": ").append(message);
        appendLine(text, "Detail", detail);
        appendLine(text, "Hint", hint);
        appendLine(text, "Where", where);
        text.append("\n  Statement (line ").append(statementLine).append("):\n");
        String shown = statement.length() > MAX_STATEMENT_CHARS
                ? statement.substring(0, MAX_STATEMENT_CHARS) + "\n…" : statement;
        shown.lines().forEach(line -> text.append("    ").append(line).append('\n'));
        return text.toString().stripTrailing();
    }

    private static void appendLine(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("\n  ").append(label).append(": ").append(value);
        }
    }
}
