package dev.strata.migrations.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Another migration tool's history table, recognised by its columns: what {@code migrations.table} names when it was
 * pointed at the table of the tool a project used before. Recognised so that the error says whose table it is and
 * how Strata takes over from that tool, instead of "column installed_at does not exist".
 *
 * @param tool    the tool, as a user knows it
 * @param adoptAs the name {@code strata adopt --from} takes for it
 */
public record ForeignHistoryTable(String tool, String adoptAs) {
    /**
     * Each tool's columns that together tell its table from the others'; checked in order. {@code byName}: the
     * columns alone are too common (a single {@code version}), so the table must also have the tool's name.
     * {@code genericName}: the default name is one an application may give a table of its own, so a table of that
     * name is the tool's only when it also has the tool's columns.
     */
    private record Signature(ForeignHistoryTable table, String defaultTable, Set<String> columns,
                             Set<String> absent, boolean byName, boolean genericName) {
        Signature(ForeignHistoryTable table, String defaultTable, Set<String> columns, Set<String> absent) {
            this(table, defaultTable, columns, absent, false, false);
        }

        boolean matches(String table, Set<String> tableColumns) {
            return tableColumns.containsAll(columns) && absent.stream().noneMatch(tableColumns::contains)
                    && (!byName || defaultTable.equals(table) && tableColumns.size() == 1);
        }
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature(new ForeignHistoryTable("Flyway", "flyway"), "flyway_schema_history",
                    Set.of("installed_rank", "version", "script", "checksum", "installed_on", "execution_time"),
                    Set.of()),
            new Signature(new ForeignHistoryTable("sqlx", "sqlx"), "_sqlx_migrations",
                    Set.of("version", "description", "installed_on", "success", "checksum", "execution_time"),
                    Set.of("installed_rank")),
            new Signature(new ForeignHistoryTable("diesel", "diesel"), "__diesel_schema_migrations", Set.of("version", "run_on"), Set.of()),
            new Signature(new ForeignHistoryTable("goose", "goose"), "goose_db_version", Set.of("version_id", "is_applied"), Set.of()),
            new Signature(new ForeignHistoryTable("golang-migrate", "golang-migrate"), "schema_migrations", Set.of("version", "dirty"),
                    Set.of()),
            new Signature(new ForeignHistoryTable("temporal-sql-tool", "temporal-sql-tool"), "schema_version",
                    Set.of("db_name", "curr_version"), Set.of(), false, true),
            new Signature(new ForeignHistoryTable("temporal-sql-tool", "temporal-sql-tool"), "schema_update_history",
                    Set.of("new_version", "old_version", "manifest_md5"), Set.of()),
            new Signature(new ForeignHistoryTable("popx", "popx"), "schema_migration",
                    Set.of("version", "version_self"), Set.of()),
            // popx before version_self: one version column, like dbmate's, told apart by popx's table name.
            new Signature(new ForeignHistoryTable("popx", "popx"), "schema_migration", Set.of("version"),
                    Set.of(), true, false),
            new Signature(new ForeignHistoryTable("dbmate", "dbmate"), "schema_migrations", Set.of("version"), Set.of("dirty",
                    "installed_rank", "description", "script", "checksum")));

    /**
     * The history tables the known tools create when not told another name, each once: the one list Strata keeps of
     * them ({@code strata diff} leaves them out by default; each {@code strata adopt} source reads its own).
     */
    public static List<String> defaultTableNames() {
        return SIGNATURES.stream().map(Signature::defaultTable).distinct().toList();
    }

    /**
     * Whether a table named {@code table}, one of {@link #defaultTableNames()}, with {@code columns} is the history
     * table of a tool that names its table so: by the name alone, except for a name an application may use for a
     * table of its own ({@code schema_version}), which is the tool's only with the tool's columns.
     */
    public static boolean isDefaultToolTable(String table, Set<String> columns) {
        List<Signature> named = SIGNATURES.stream().filter(signature -> signature.defaultTable().equals(table))
                .toList();
        return !named.isEmpty() && named.stream()
                .anyMatch(signature -> !signature.genericName() || signature.matches(table, columns));
    }

    /** Whose table {@code columns} describe, if a known tool's. */
    static Optional<ForeignHistoryTable> recognise(String table, Set<String> columns) {
        for (Signature signature : SIGNATURES) {
            boolean matches = signature.matches(table, columns);
            // dbmate's table is a single column: anything more is someone else's table called version-something.
            if (matches && (!signature.table().tool().equals("dbmate") || columns.size() == 1)) {
                return Optional.of(signature.table());
            }
        }
        return Optional.empty();
    }

    /** Whose table {@code table} in {@code schema} is; empty when unknown or when the catalog cannot be read. */
    static Optional<ForeignHistoryTable> of(Connection connection, String schema, String table) {
        try (PreparedStatement statement = connection.prepareStatement("select a.attname from pg_catalog.pg_attribute a"
                + " join pg_catalog.pg_class c on c.oid = a.attrelid join pg_catalog.pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and a.attnum > 0"
                + " and not a.attisdropped")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            Set<String> columns = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            return recognise(table, columns);
        } catch (SQLException e) {
            // Only a better message was at stake: the original error is reported as it is.
            return Optional.empty();
        }
    }

    /** What to do instead of reading it as Strata's history. */
    String advice(String configuredTable) {
        return configuredTable + " is " + tool + "'s history table, not Strata's: set migrations.table back to"
                + " Strata's own table (default strata_schema_history, which Strata creates), then take over the"
                + " versions " + tool + " applied with `strata adopt --from " + adoptAs + "` where available, or"
                + " record the version the database is at with `strata baseline <version>`; leave " + configuredTable
                + " as it is";
    }
}
