package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A migration tool whose history {@code strata adopt} takes over: where it keeps its table, how its files are named,
 * and how to read its rows into {@link SourceMigration}s. Each tool only reads; matching files, verifying checksums
 * and writing Strata's rows is {@link AdoptionPlanner}'s and {@link HistoryAdoption}'s, the same for every tool.
 */
public sealed interface SourceTool permits FlywayTool, SqlxTool, GolangMigrateTool, DbmateTool, DieselTool,
        GooseTool, PopxTool, TemporalTool {

    /** Every tool, in the order help and errors list them. */
    static List<SourceTool> all() {
        return List.of(new FlywayTool(), new SqlxTool(), new GolangMigrateTool(), new DbmateTool(), new DieselTool(),
                new GooseTool(), new PopxTool(), new TemporalTool());
    }

    /** The tool {@code strata adopt --from NAME} names. */
    static Optional<SourceTool> named(String name) {
        return all().stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    /** The name {@code --from} takes, e.g. {@code golang-migrate}. */
    String name();

    /** The tool's name in messages, e.g. {@code Flyway}. */
    String displayName();

    /** The history table's name when the tool is not told another. */
    String defaultTable();

    /**
     * The tool's history table: {@code named} ({@code [schema.]table}) or {@link #defaultTable()}, in the schema of
     * Strata's {@code history} table unless the name gives one (so each tenant of a fleet adopts its own table).
     *
     * @throws IllegalArgumentException when the name is not a valid table name
     */
    default SchemaTable historyTable(Optional<String> named, SchemaTable history) {
        String name = named.orElse(defaultTable());
        int dot = name.indexOf('.');
        return dot < 0 ? new SchemaTable(history.schema(), name)
                : new SchemaTable(name.substring(0, dot), name.substring(dot + 1));
    }

    /** How a user of the tool names another table (the tool's own setting), for the error when there is none. */
    String tableSetting();

    /** The layouts that read the tool's files under the names the tool gave them. */
    Set<Layout> layouts();

    /** The tool's history table, read into the migrations it applied; the table is only read. */
    SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException;
}
