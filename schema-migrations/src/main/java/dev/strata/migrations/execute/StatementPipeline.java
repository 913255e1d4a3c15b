package dev.strata.migrations.execute;

import dev.strata.migrations.sql.SqlStatement;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sends statements to the server in one round trip (a JDBC batch, which pgjdbc pipelines) instead of one round trip
 * each. The server still runs them one after another, exactly as sent; only the waiting in between goes away, which
 * is most of a migration's cost on top of the SQL itself.
 *
 * <p>Only for statements known to return no rows (a batch cannot carry a result set): DDL, comments, grants and
 * data changes without {@code RETURNING}. A file with anything else (a {@code SELECT}, a {@code CALL}, ...) runs
 * statement by statement. When the batch fails, pgjdbc does not say reliably which entry failed, so the caller rolls
 * back and runs the file again statement by statement, and the error it reports names the failing statement and its
 * line exactly; the price is that a failing file runs twice before the error is reported.
 */
final class StatementPipeline {
    private static final Set<String> NO_ROWS = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE",
            "INSERT", "UPDATE", "DELETE", "TRUNCATE", "ANALYZE", "REFRESH", "DO", "SET", "RESET", "LOCK", "CLUSTER",
            "REINDEX", "SECURITY");

    private StatementPipeline() {
    }

    /** True when every statement is of a kind that returns no rows. */
    static boolean applies(List<SqlStatement> statements) {
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
     * @return empty when all ran; else the server's error, after which the transaction is aborted and must be rolled
     *         back
     * @throws SQLException when the batch could not be sent or answered at all (e.g. the connection is gone)
     */
    static Optional<SQLException> execute(Statement statement, List<String> statements) throws SQLException {
        for (String sql : statements) {
            statement.addBatch(sql);
        }
        try {
            statement.executeBatch();
            return Optional.empty();
        } catch (BatchUpdateException e) {
            // The batch's own exception only says "entry N was aborted"; the next one is the server's error.
            SQLException server = e.getNextException();
            return Optional.of(server != null ? server : e);
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
