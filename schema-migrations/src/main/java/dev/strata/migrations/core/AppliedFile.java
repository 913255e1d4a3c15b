package dev.strata.migrations.core;

import java.util.Objects;

/** One migration file this run applied (or, for {@code undo}, one undo file it ran). */
public record AppliedFile(MigrationId id, String description, String script, int statements, int executionMs) {
    public AppliedFile {
        Objects.requireNonNull(id, "id");
    }
}
