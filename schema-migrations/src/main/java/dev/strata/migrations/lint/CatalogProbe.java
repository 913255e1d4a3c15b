package dev.strata.migrations.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, from inside the replaying session, what its last statement did: the relations with their storage, the
 * session's own table locks, its sequential scans so far, and its {@code lock_timeout}. All of it is visible to the
 * session before its transaction commits (pg_locks for its own backend, {@code pg_stat_xact_user_tables} for its own
 * transaction's counters).
 */
final class CatalogProbe {
    /** A relation as the catalog holds it now; {@code table} is the indexed table's oid for an index, else 0. */
    record Relation(long oid, String name, char kind, long filenode, long table) {
        boolean isTable() {
            return "rpmvf".indexOf(kind) >= 0;
        }
    }

    /** What the session sees at one moment. */
    record Snapshot(Map<Long, Relation> relations, Map<Long, LockMode> locks, Map<Long, Long> seqScans,
                    Set<String> defaults, Set<ColumnType> columns) {
    }

    private static final String RELATIONS = "select c.oid, n.nspname, c.relname, c.relkind, c.relfilenode,"
            + " coalesce(i.indrelid, 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_index i on i.indexrelid = c.oid"
            + " where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'"
            + " and c.relkind in ('r', 'p', 'm', 'v', 'f', 'i', 'I')";
    private static final String LOCKS = "select relation, mode from pg_locks where pid = pg_backend_pid()"
            + " and locktype = 'relation' and granted";
    /** Columns with a default, of the tables the session has locked: {@code schema.table.column}. */
    private static final String DEFAULTS = "select n.nspname || '.' || c.relname || '.' || a.attname"
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
            + " where a.atthasdef and not a.attisdropped and a.attrelid in (select relation from pg_locks"
            + " where pid = pg_backend_pid() and locktype = 'relation')";
    /** Every column of every table, for the style rules: only read when they are on. */
    private static final String COLUMNS = "select n.nspname || '.' || c.relname, a.attname,"
            + " format_type(a.atttypid, a.atttypmod), a.attidentity = '' and pg_get_serial_sequence("
            + "quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null,"
            + " exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary"
            + " and a.attnum = any (i.indkey))"
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
            + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p')"
            + " and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'";
    private static final String SCANS = "select relid, seq_scan from pg_stat_xact_user_tables";

    private CatalogProbe() {
    }

    /** @param columns whether to read every table's columns too (for the style rules) */
    static Snapshot read(Connection connection, boolean columns) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        Map<Long, LockMode> locks = new HashMap<>();
        Map<Long, Long> scans = new HashMap<>();
        Set<String> defaults = new HashSet<>();
        Set<ColumnType> columnTypes = new HashSet<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(RELATIONS)) {
                while (rows.next()) {
                    long oid = rows.getLong(1);
                    relations.put(oid, new Relation(oid, rows.getString(2) + "." + rows.getString(3),
                            rows.getString(4).charAt(0), rows.getLong(5), rows.getLong(6)));
                }
            }
            try (ResultSet rows = statement.executeQuery(LOCKS)) {
                while (rows.next()) {
                    long oid = rows.getLong(1);
                    Optional<LockMode> mode = LockMode.ofPgName(rows.getString(2));
                    mode.ifPresent(m -> locks.merge(oid, m, (a, b) -> a.compareTo(b) >= 0 ? a : b));
                }
            }
            try (ResultSet rows = statement.executeQuery(SCANS)) {
                while (rows.next()) {
                    scans.put(rows.getLong(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(DEFAULTS)) {
                while (rows.next()) {
                    defaults.add(rows.getString(1));
                }
            }
            if (columns) {
                try (ResultSet rows = statement.executeQuery(COLUMNS)) {
                    while (rows.next()) {
                        columnTypes.add(new ColumnType(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getBoolean(4), rows.getBoolean(5)));
                    }
                }
            }
        }
        return new Snapshot(relations, locks, scans, defaults, columnTypes);
    }

    /** The session's lock_timeout; empty when it is 0 (wait forever). */
    static Optional<String> lockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select current_setting('lock_timeout')")) {
            row.next();
            String value = row.getString(1);
            return value.equals("0") ? Optional.empty() : Optional.of(value);
        }
    }
}
