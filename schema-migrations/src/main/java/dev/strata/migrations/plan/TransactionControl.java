package dev.strata.migrations.plan;

import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.SqlSplitter;

import java.util.List;
import java.util.Optional;

/**
 * Statements that end or start the transaction Strata runs a transactional file in: after a {@code COMMIT} half the
 * file is committed whatever follows, and after a {@code ROLLBACK} the file's history row records work that no longer
 * exists. Savepoints ({@code SAVEPOINT}, {@code ROLLBACK TO}, {@code RELEASE}) stay inside the transaction and are
 * fine. A {@code BEGIN ATOMIC} body or a PL/pgSQL {@code BEGIN … END} is inside its statement, never one of its own,
 * so only a statement's first tokens count.
 */
final class TransactionControl {
    private TransactionControl() {
    }

    static Optional<SqlStatement> first(List<SqlStatement> statements) {
        return statements.stream().filter(statement -> controlsTransaction(SqlSplitter.tokens(statement.sql(), 6)))
                .findFirst();
    }

    static boolean controlsTransaction(List<String> t) {
        if (t.isEmpty()) {
            return false;
        }
        return switch (t.get(0)) {
            case "begin", "commit", "end", "abort" -> true;
            case "start" -> at(t, 1, "transaction");
            case "prepare" -> at(t, 1, "transaction");
            case "rollback" -> !rollbackToSavepoint(t);
            default -> false;
        };
    }

    /** {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name}. */
    private static boolean rollbackToSavepoint(List<String> t) {
        int i = at(t, 1, "work") || at(t, 1, "transaction") ? 2 : 1;
        return at(t, i, "to");
    }

    private static boolean at(List<String> tokens, int index, String token) {
        return index < tokens.size() && tokens.get(index).equals(token);
    }
}
