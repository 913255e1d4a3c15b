package dev.strata.migrations.adopt;

import dev.strata.migrations.core.SchemaTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Catalog questions about another tool's history table, which adoption only ever reads. */
final class SourceTables {
    private SourceTables() {
    }

    static boolean exists(Connection connection, SchemaTable table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from pg_catalog.pg_tables where schemaname = ? and tablename = ?")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.table());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
