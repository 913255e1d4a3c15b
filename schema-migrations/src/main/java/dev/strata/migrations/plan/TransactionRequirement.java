package dev.strata.migrations.plan;

import dev.strata.migrations.sql.SqlStatement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Statements PostgreSQL refuses to run inside a transaction block. Found before anything runs, so a transactional
 * file holding one fails with its fix instead of half-way through a deploy.
 */
final class TransactionRequirement {
    private static final List<String> PREFIXES = List.of(
            "CREATE INDEX CONCURRENTLY", "CREATE UNIQUE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY",
            "VACUUM", "ALTER SYSTEM", "CREATE DATABASE", "DROP DATABASE", "CREATE TABLESPACE", "DROP TABLESPACE");

    private TransactionRequirement() {
    }

    static Optional<SqlStatement> firstNeedingNoTransaction(List<SqlStatement> statements) {
        for (SqlStatement statement : statements) {
            String head = head(statement.sql());
            boolean reindexConcurrently = head.startsWith("REINDEX") && head.contains(" CONCURRENTLY");
            if (reindexConcurrently || PREFIXES.stream().anyMatch(head::startsWith)) {
                return Optional.of(statement);
            }
        }
        return Optional.empty();
    }

    /** The first words, upper-cased with single spaces: enough to recognise the statement kind. */
    private static String head(String sql) {
        String prefix = sql.length() > 120 ? sql.substring(0, 120) : sql;
        return String.join(" ", prefix.strip().split("\\s+")).toUpperCase(Locale.ROOT);
    }
}
