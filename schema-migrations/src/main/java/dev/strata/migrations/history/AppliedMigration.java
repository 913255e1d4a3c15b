package dev.strata.migrations.history;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of the history table.
 *
 * @param checksum the stored checksum text ({@code sha256:<hex>}); parsed by the planner so an unreadable value
 *                 becomes a reported problem instead of an exception while reading
 */
public record AppliedMigration(int installedRank, Version version, String description, MigrationType type,
                               String script, String checksum, String installedBy, OffsetDateTime installedAt,
                               int executionMs, boolean success) {
    public AppliedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(type, "type");
    }
}
