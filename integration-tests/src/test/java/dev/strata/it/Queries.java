package dev.strata.it;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.SchemaTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a test database directly, to check what the engine did. */
public final class Queries {
    public static final SchemaTable DEFAULT_HISTORY =
            new SchemaTable(MigrationSettings.DEFAULT_SCHEMA, MigrationSettings.DEFAULT_TABLE);

    /** One row of the history table, as stored. */
    public record HistoryRow(int installedRank, String version, String script, String checksum, String installedBy,
                      int executionMs, boolean success) {
    }

    private Queries() {
    }

    public static List<HistoryRow> history(TestDatabase database) {
        return history(database, DEFAULT_HISTORY);
    }

    public static List<HistoryRow> history(TestDatabase database, SchemaTable table) {
        String sql = "select installed_rank, version, script, checksum, installed_by, execution_ms, success from "
                + table.qualified() + " order by installed_rank";
        List<HistoryRow> rows = new ArrayList<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(new HistoryRow(result.getInt(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getInt(6), result.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    /**
     * The applied versions in installed order (rows of repeatable migrations, which have none, left out); empty when
     * the history table does not exist.
     */
    public static List<String> appliedVersions(TestDatabase database) {
        if (!relationExists(database, DEFAULT_HISTORY.toString())) {
            return List.of();
        }
        return history(database).stream().map(HistoryRow::version).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether a table, view, index or sequence of that (optionally qualified) name exists. */
    public static boolean relationExists(TestDatabase database, String name) {
        return queryLong(database, "select count(*) from (select to_regclass(?) as r) x where r is not null", name) == 1;
    }

    public static long queryLong(TestDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void execute(TestDatabase database, String sql) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
