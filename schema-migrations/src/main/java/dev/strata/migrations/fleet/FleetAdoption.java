package dev.strata.migrations.fleet;

import dev.strata.migrations.adopt.SourceTool;
import dev.strata.migrations.core.SchemaTable;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code adopt --targets}: the same adoption on every target.
 *
 * @param tool         the tool whose history each target's history takes over
 * @param table        the tool's history table ({@code [schema.]table}); a bare name, or none (the tool's own name),
 *                     is looked up in each target's history schema, so each tenant adopts its own table
 * @param dryRun       plan only, record nothing
 * @param acceptEdited record files whose checksum differs from the one the tool recorded
 */
public record FleetAdoption(SourceTool tool, Optional<String> table, boolean dryRun, boolean acceptEdited) {
    public FleetAdoption {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(table, "table");
    }

    /** The tool's table for a target whose Strata history is {@code history}. */
    SchemaTable source(SchemaTable history) {
        return tool.historyTable(table, history);
    }
}
