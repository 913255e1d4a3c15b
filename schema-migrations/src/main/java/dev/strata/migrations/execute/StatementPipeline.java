package dev.strata.migrations.execute;

import dev.strata.migrations.sql.SqlStatement;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends the statements of a transactional file to the server in one round trip (a JDBC batch, which pgjdbc
 * pipelines) instead of one round trip each. The server still runs them one after another, exactly as sent; only
 * the waiting in between goes away, which is most of a migration's cost on top of the SQL itself.
 *
 * <p>Only for statements known to return no rows (a batch cannot carry a result set): DDL, comments, grants and
 * data changes without {@code RETURNING}. A file with anything else (a {@code SELECT}, a {@code CALL}, ...) runs
 * statement by statement. When the batch fails (pgjdbc does not say which entry failed), the caller rolls back
 * and runs the file again statement by statement, so the error it reports names the failing statement and its
 * line exactly as before; the price is that a failing file runs twice before the error is reported.
 */
final class StatementPipeline {
    private static final Set<String> NO_ROWS = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE",
            "INSERT", "UPDATE", "DELETE", "TRUNCATE", "ANALYZE", "REFRESH", "DO", "SET", "RESET", "LOCK", "CLUSTER",
            "REINDEX", "SECURITY");

    private StatementPipeline() {
    }

    /** True when every statement is of a kind that returns no rows, and there is more than one to send. */
    static boolean applies(List<SqlStatement> statements) {
        if (statements.size() < 2) {
            return false;
        }
        for (SqlStatement statement : statements) {
            if (!returnsNoRows(statement.executableSql())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the statements as one batch.
     *
     * @return false when a statement failed; the transaction is then aborted and must be rolled back
     */
    static boolean execute(Statement statement, List<SqlStatement> statements) throws SQLException {
        for (SqlStatement sql : statements) {
            statement.addBatch(sql.executableSql());
        }
        try {
            statement.executeBatch();
            return true;
        } catch (BatchUpdateException e) {
            return false;
        } finally {
            statement.clearBatch();
        }
    }

    static boolean returnsNoRows(String sql) {
        String head = firstWord(sql);
        if (!NO_ROWS.contains(head)) {
            return false;
        }
        // INSERT/UPDATE/DELETE ... RETURNING, and CREATE TABLE ... AS SELECT is fine but rare: keep it simple.
        return !sql.toUpperCase(Locale.ROOT).contains("RETURNING");
    }

    private static String firstWord(String sql) {
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
