package dev.strata.migrations.plan;

import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.SqlSplitter;

import java.util.List;
import java.util.Optional;

/**
 * Statements PostgreSQL refuses to run inside a transaction block. Found before anything runs, so a transactional
 * file holding one fails with its fix instead of half-way through a deploy. Read from the statement's tokens, so that
 * comments and line breaks between the keywords do not hide a statement.
 *
 * <p>{@code ALTER TYPE … ADD VALUE} is not among them: since PostgreSQL 12 it runs in a transaction (Strata supports
 * 14 and later); only using the new value in the same transaction fails, and that rolls the file back.
 */
final class TransactionRequirement {
    private static final int HEAD_TOKENS = 24;

    private TransactionRequirement() {
    }

    static Optional<SqlStatement> firstNeedingNoTransaction(List<SqlStatement> statements) {
        return statements.stream().filter(statement -> needsNoTransaction(SqlSplitter.tokens(statement.sql(),
                HEAD_TOKENS))).findFirst();
    }

    /** Whether every statement is one that cannot run in a transaction: a file {@code detect} runs without one. */
    static boolean allNeedNoTransaction(List<SqlStatement> statements) {
        return statements.stream().allMatch(statement -> needsNoTransaction(SqlSplitter.tokens(statement.sql(),
                HEAD_TOKENS)));
    }

    static boolean needsNoTransaction(List<String> t) {
        if (t.isEmpty()) {
            return false;
        }
        return switch (t.get(0)) {
            case "vacuum" -> true;
            case "create" -> createNeedsNoTransaction(t);
            case "drop" -> at(t, 1, "database") || at(t, 1, "tablespace")
                    || at(t, 1, "index") && at(t, 2, "concurrently");
            case "reindex" -> reindexNeedsNoTransaction(t);
            case "cluster" -> bareCluster(t);
            case "alter" -> at(t, 1, "system")
                    || at(t, 1, "database") && t.contains("set") && t.contains("tablespace")
                    || at(t, 1, "table") && t.contains("detach") && t.contains("concurrently");
            case "discard" -> at(t, 1, "all");
            default -> false;
        };
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, {@code CREATE DATABASE}, {@code CREATE TABLESPACE}. */
    private static boolean createNeedsNoTransaction(List<String> t) {
        int next = at(t, 1, "unique") ? 2 : 1;
        return at(t, next, "index") && at(t, next + 1, "concurrently")
                || at(t, 1, "database") || at(t, 1, "tablespace");
    }

    /**
     * {@code REINDEX … CONCURRENTLY} (also as the option {@code REINDEX (CONCURRENTLY) …}, unless it says {@code
     * false}/{@code off}/{@code 0}), and {@code REINDEX DATABASE|SYSTEM}, which commit per table.
     */
    private static boolean reindexNeedsNoTransaction(List<String> t) {
        int i = 1;
        if (at(t, 1, "(")) {
            int close = t.indexOf(")");
            if (close < 0) {
                return false;
            }
            for (int k = 2; k < close; k++) {
                if (t.get(k).equals("concurrently") && !isFalse(k + 1 < close ? t.get(k + 1) : "")) {
                    return true;
                }
            }
            i = close + 1;
        }
        return at(t, i, "database") || at(t, i, "system") || at(t, i + 1, "concurrently");
    }

    /** {@code CLUSTER} without a table (it then reclusters every table it may, committing per table). */
    private static boolean bareCluster(List<String> t) {
        int i = 1;
        if (at(t, i, "(")) {
            int close = t.indexOf(")");
            i = close < 0 ? t.size() : close + 1;
        }
        if (at(t, i, "verbose")) {
            i++;
        }
        return i >= t.size() || at(t, i, ";");
    }

    private static boolean isFalse(String value) {
        return value.equals("false") || value.equals("off") || value.equals("0");
    }

    private static boolean at(List<String> tokens, int index, String token) {
        return index < tokens.size() && tokens.get(index).equals(token);
    }
}
