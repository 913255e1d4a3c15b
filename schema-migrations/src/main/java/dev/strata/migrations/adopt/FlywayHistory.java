package dev.strata.migrations.adopt;

import dev.strata.migrations.core.SchemaTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads Flyway's history table, which it never changes. */
public final class FlywayHistory {
    /** Flyway's default table name, in the schema Flyway was pointed at. */
    public static final String DEFAULT_TABLE = "flyway_schema_history";

    private final SchemaTable table;

    public FlywayHistory(SchemaTable table) {
        this.table = table;
    }

    public SchemaTable table() {
        return table;
    }

    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from pg_catalog.pg_tables where schemaname = ? and tablename = ?")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.table());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Every row in installed order. Flyway's {@code installed_on} is a timestamp without time zone written with
     * {@code now()}; it is read in this session's time zone, which is how the server itself would convert it.
     */
    public List<FlywayRow> readAll(Connection connection) throws SQLException {
        List<FlywayRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select installed_rank, version, description, type, script,"
                     + " checksum, installed_by, installed_on::timestamptz, execution_time, success from "
                     + table.qualified() + " order by installed_rank")) {
            while (result.next()) {
                int checksum = result.getInt(6);
                Optional<Integer> recorded = result.wasNull() ? Optional.empty() : Optional.of(checksum);
                rows.add(new FlywayRow(result.getInt(1), Optional.ofNullable(result.getString(2)),
                        nonNull(result.getString(3)), nonNull(result.getString(4)), nonNull(result.getString(5)),
                        recorded, nonNull(result.getString(7)), result.getObject(8, OffsetDateTime.class),
                        result.getInt(9), result.getBoolean(10)));
            }
        }
        return rows;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
