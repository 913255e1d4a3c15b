package dev.strata.migrations.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What replaying one statement showed, measured on the scratch database rather than read from the SQL.
 *
 * @param script         the file's name
 * @param line           the statement's first line in the file
 * @param sql            the statement as written
 * @param normalized     the statement in lower case, comments blanked, white space collapsed: for telling what it is
 * @param locks          table locks held after it (for a file in a transaction: until the file's end)
 * @param acquired       the locks it took or strengthened itself
 * @param rewrites       relations whose storage it replaced ({@code relfilenode} changed): a full copy
 * @param scans          tables it read in full (sequential scans counted in {@code pg_stat_xact_user_tables})
 * @param defaults       the columns with a default after it, of the tables it locked: {@code schema.table.column}
 * @param existing       the touched relations that existed before the file (or run): only those can hurt traffic
 * @param lockTimeout    the session's {@code lock_timeout} when the statement started; empty when none (0)
 * @param inTransaction  whether it ran inside the file's transaction, so its locks last until the file's end
 * @param lastLine       the line of the file's last statement, where its transaction's locks end
 * @param columns        the columns it added or changed (type, serial default, primary key), of any table, new ones
 *                       included; read only for the style rules, empty otherwise
 * @param locksMeasured  false for a statement PostgreSQL refuses to run in a transaction (CREATE INDEX CONCURRENTLY,
 *                       VACUUM, …): it ran on its own, its locks were gone when it returned, so {@code locks},
 *                       {@code acquired} and {@code scans} are empty because nothing could be read, not because
 *                       nothing was taken; see {@link #notMeasured()}
 */
public record StatementFacts(String script, int line, String sql, String normalized, List<RelationLock> locks,
                             List<RelationLock> acquired, List<String> rewrites, List<String> scans,
                             Set<String> defaults, Set<String> existing, Optional<String> lockTimeout, boolean inTransaction,
                             int lastLine, List<ColumnType> columns, boolean locksMeasured) {
    /** Why the locks of a statement outside a transaction are not shown, as every output says it. */
    public static final String NOT_MEASURED = "not measured: runs outside a transaction (PostgreSQL refuses one for"
            + " this statement), so the locks it takes and the rows it reads are not seen; its locks end with it";

    public StatementFacts {
        locks = List.copyOf(locks);
        acquired = List.copyOf(acquired);
        rewrites = List.copyOf(rewrites);
        scans = List.copyOf(scans);
        defaults = Set.copyOf(defaults);
        existing = Set.copyOf(existing);
        columns = List.copyOf(columns);
    }

    /** Facts whose locks were measured. */
    public StatementFacts(String script, int line, String sql, String normalized, List<RelationLock> locks,
                          List<RelationLock> acquired, List<String> rewrites, List<String> scans, Set<String> defaults,
                          Set<String> existing, Optional<String> lockTimeout, boolean inTransaction, int lastLine,
                          List<ColumnType> columns) {
        this(script, line, sql, normalized, locks, acquired, rewrites, scans, defaults, existing, lockTimeout,
                inTransaction, lastLine, columns, true);
    }

    /** Facts without the columns (the style rules off). */
    public StatementFacts(String script, int line, String sql, String normalized, List<RelationLock> locks,
                          List<RelationLock> acquired, List<String> rewrites, List<String> scans, Set<String> defaults,
                          Set<String> existing, Optional<String> lockTimeout, boolean inTransaction, int lastLine) {
        this(script, line, sql, normalized, locks, acquired, rewrites, scans, defaults, existing, lockTimeout,
                inTransaction, lastLine, List.of());
    }

    /** SQL without comments (see {@link dev.strata.migrations.sql.SqlSplitter#executableSql}) as rules read it. */
    public static String normalize(String executableSql) {
        return executableSql.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?;$", "").strip();
    }

    /** {@link #NOT_MEASURED} when the statement's locks could not be read; empty when they were. */
    public Optional<String> notMeasured() {
        return locksMeasured ? Optional.empty() : Optional.of(NOT_MEASURED);
    }

    public boolean existed(String relation) {
        return existing.contains(relation);
    }

    /** The lock it took on a relation that existed before, in at least this mode, if any. */
    public Optional<RelationLock> acquiredOnExisting(LockMode atLeast) {
        return acquired.stream().filter(lock -> existed(lock.relation()) && lock.mode().compareTo(atLeast) >= 0)
                .findFirst();
    }

    public Optional<String> rewroteExisting() {
        return rewrites.stream().filter(this::existed).findFirst();
    }

    public Optional<String> scannedExisting() {
        return scans.stream().filter(this::existed).findFirst();
    }

    /** The strongest lock held on the relation after this statement. */
    public Optional<RelationLock> heldOn(String relation) {
        return locks.stream().filter(lock -> lock.relation().equals(relation)).findFirst();
    }
}
