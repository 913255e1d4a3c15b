package dev.strata.migrations.history;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of the history table.
 *
 * @param version  null exactly for a {@link MigrationType#REPEATABLE} row, which records a file without a version
 * @param checksum the stored checksum text ({@code sha256:<hex>}); parsed by the planner so an unreadable value
 *                 becomes a reported problem instead of an exception while reading
 */
public record AppliedMigration(int installedRank, Version version, String description, MigrationType type,
                               String script, String checksum, String installedBy, OffsetDateTime installedAt,
                               int executionMs, boolean success) {
    public AppliedMigration {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(type, "type");
        if ((version == null) != (type == MigrationType.REPEATABLE)) {
            throw new IllegalArgumentException("history row " + installedRank + " (" + script + ", type " + type
                    + "): only a REPEATABLE row has no version");
        }
    }

    public boolean isRepeatable() {
        return type == MigrationType.REPEATABLE;
    }
}
