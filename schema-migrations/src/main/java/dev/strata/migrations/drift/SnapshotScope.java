package dev.strata.migrations.drift;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.SchemaTable;

import java.util.Objects;
import java.util.Set;

/**
 * Which objects a {@link SchemaSnapshot} holds. System schemas ({@code pg_catalog}, {@code information_schema},
 * {@code pg_toast*}, {@code pg_temp*}) and objects that belong to an extension are never read; Strata's history
 * table (with its constraints and indexes) is left out because its rows, not its shape, are the schema's record, and
 * so is the schema that holds it (Strata creates it with the table, which one database may have and the other not).
 *
 * @param historyTable Strata's history table, left out
 * @param schemas      the schemas to read; empty means every user schema
 */
public record SnapshotScope(SchemaTable historyTable, Set<String> schemas) {
    public SnapshotScope {
        Objects.requireNonNull(historyTable, "historyTable");
        schemas = Set.copyOf(schemas);
    }

    /** Every user schema, without the history table named by the settings. */
    public static SnapshotScope of(MigrationSettings settings) {
        return allSchemas(settings.historyTable());
    }

    /** Every user schema, without this history table. */
    public static SnapshotScope allSchemas(SchemaTable historyTable) {
        return new SnapshotScope(historyTable, Set.of());
    }

    /** Only the given schemas (e.g. when one database holds the schemas of several applications). */
    public SnapshotScope onlySchemas(Set<String> names) {
        return new SnapshotScope(historyTable, names);
    }

    /** Whether objects in this schema are read. */
    public boolean includesSchema(String schema) {
        return schemas.isEmpty() || schemas.contains(schema);
    }

    /** Whether this is the schema of the history table (compared by its contents only, never as an object). */
    public boolean isHistorySchema(String schema) {
        return historyTable.schema().equals(schema);
    }

    /** Whether this relation is the history table (whose parts are left out with it). */
    public boolean isHistoryTable(String schema, String relation) {
        return historyTable.schema().equals(schema) && historyTable.table().equals(relation);
    }
}
