package dev.strata.migrations.adopt;

import dev.strata.migrations.core.SchemaTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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

    /** One row of a query, read into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row {@code query} returns, each read by {@code reader}, in the query's order. */
    static <T> List<T> rows(Connection connection, String query, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(reader.read(result));
            }
        }
        return rows;
    }
}
