package dev.strata.migrations.plan;

import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration as the plan sees it: the file on disk, the history row, or both.
 * Exactly one of {@code file} and {@code applied} may be null.
 */
public record PlanEntry(Version version, String description, String script, MigrationState state,
                        ResolvedMigration file, AppliedMigration applied) {
    public PlanEntry {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        if (file == null && applied == null) {
            throw new IllegalArgumentException("a plan entry needs a file or a history row");
        }
    }

    public Optional<ResolvedMigration> resolvedFile() {
        return Optional.ofNullable(file);
    }

    public Optional<AppliedMigration> historyRow() {
        return Optional.ofNullable(applied);
    }

    public Optional<OffsetDateTime> installedAt() {
        return historyRow().map(AppliedMigration::installedAt);
    }

    public Optional<Integer> executionMs() {
        return historyRow().map(AppliedMigration::executionMs);
    }
}
