package dev.strata.migrations.drift;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@link CatalogQueries} in one read-only snapshot and turns their rows into {@link SchemaObject}s. The
 * session settings that change how definitions print are pinned for the read, so two databases, or the same one read
 * by two clients, print alike: qualified names ({@code search_path}), timestamps in partition bounds and defaults
 * ({@code TimeZone}, {@code DateStyle}, {@code IntervalStyle}), float and bytea literals.
 */
final class CatalogReader {
    private static final List<String> PINNED_SETTINGS = List.of(
            "set local search_path = pg_catalog",
            "set local timezone = 'UTC'",
            "set local datestyle = 'ISO, YMD'",
            "set local intervalstyle = 'postgres'",
            "set local extra_float_digits = 1",
            "set local bytea_output = 'hex'");
    /** The fixed leading columns of every query; attributes follow. */
    private static final int FIXED_COLUMNS = 5;

    private final SnapshotScope scope;

    CatalogReader(SnapshotScope scope) {
        this.scope = scope;
    }

    SchemaSnapshot read(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            // The caller's transaction: SET LOCAL would outlive the read, so undo it with a savepoint.
            savepoint = connection.setSavepoint();
        }
        try (Statement statement = connection.createStatement()) {
            if (autoCommit) {
                statement.execute("set transaction read only");
            }
            for (String setting : PINNED_SETTINGS) {
                statement.execute(setting);
            }
            String version = serverVersion(statement);
            List<SchemaObject> objects = new ArrayList<>();
            for (String query : CatalogQueries.ALL) {
                readObjects(statement, query, objects);
            }
            return new SchemaSnapshot(version, objects);
        } finally {
            if (savepoint == null) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(savepoint);
            }
        }
    }

    private static String serverVersion(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("select current_setting('server_version')")) {
            result.next();
            return result.getString(1);
        }
    }

    private void readObjects(Statement statement, String query, List<SchemaObject> objects) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                String schema = rows.getString("_schema");
                String relation = rows.getString("_relation");
                ObjectKind kind = ObjectKind.valueOf(rows.getString("_kind"));
                if (schema != null && (!scope.includesSchema(schema)
                        || relation != null && scope.isHistoryTable(schema, relation)
                        || kind == ObjectKind.SCHEMA && scope.isHistorySchema(schema))) {
                    continue;
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int column = FIXED_COLUMNS + 1; column <= columns.getColumnCount(); column++) {
                    String value = rows.getString(column);
                    if (value != null) {
                        attributes.put(columns.getColumnLabel(column), value);
                    }
                }
                objects.add(new SchemaObject(kind, rows.getString("_name"),
                        Optional.ofNullable(rows.getString("_parent")), attributes));
            }
        }
    }
}
