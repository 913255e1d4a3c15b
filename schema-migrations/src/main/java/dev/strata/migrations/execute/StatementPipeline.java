package dev.strata.migrations.execute;

import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.SqlSplitter;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends statements to the server in one round trip (a JDBC batch, which pgjdbc pipelines) instead of one round trip
 * each. The server still runs them one after another, exactly as sent; only the waiting in between goes away, which
 * is most of a migration's cost on top of the SQL itself.
 *
 * <p>Only for statements known to return no rows (a batch cannot carry a result set): DDL, comments, grants and
 * data changes without {@code RETURNING}. A file with anything else (a {@code SELECT}, a {@code CALL}, ...) runs
 * statement by statement, and so does a file with a {@code DO} block, so that the notices it raises are placed at
 * their statement's line. When the batch fails, the failing entry is read from pgjdbc's batch error ("Batch entry
 * N …"), so the failing statement is named without running the file again. pgjdbc writes that text in the JVM's
 * language; when it is not the English one, the entry is unknown and the caller finds it by running the file again
 * one statement at a time, in a transaction it rolls back.
 */
final class StatementPipeline {
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry ([0-9][0-9,]*) ");
    private static final Set<String> NO_ROWS = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE",
            "INSERT", "UPDATE", "DELETE", "TRUNCATE", "ANALYZE", "REFRESH", "SET", "RESET", "LOCK", "CLUSTER",
            "REINDEX", "SECURITY");

    private StatementPipeline() {
    }

    /** True when every statement is of a kind that returns no rows. */
    static boolean applies(List<SqlStatement> statements) {
        for (SqlStatement statement : statements) {
            if (!returnsNoRows(SqlSplitter.executableSql(statement))) {
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
    static Optional<Failure> execute(Statement statement, List<String> statements) throws SQLException {
        for (String sql : statements) {
            statement.addBatch(sql);
        }
        try {
            statement.executeBatch();
            return Optional.empty();
        } catch (BatchUpdateException e) {
            // The batch's own exception only says "entry N was aborted"; the next one is the server's error.
            SQLException server = e.getNextException();
            return Optional.of(new Failure(server != null ? server : e, failedEntry(e, statements.size())));
        } finally {
            statement.clearBatch();
        }
    }

    /**
     * A failed batch.
     *
     * @param error the server's error
     * @param entry the 0-based index of the failing entry in the batch, when pgjdbc's message says it
     */
    record Failure(SQLException error, OptionalInt entry) {
    }

    /** pgjdbc's resultIndex, the count of entries that completed before the failing one. */
    static OptionalInt failedEntry(BatchUpdateException error, int size) {
        Matcher matcher = BATCH_ENTRY.matcher(String.valueOf(error.getMessage()));
        if (!matcher.lookingAt()) {
            return OptionalInt.empty();
        }
        String digits = matcher.group(1).replace(",", "");
        if (digits.length() > 9) {
            return OptionalInt.empty();
        }
        int entry = Integer.parseInt(digits);
        return entry < size ? OptionalInt.of(entry) : OptionalInt.empty();
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
