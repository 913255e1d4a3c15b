package dev.strata.migrations;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.MigrationPlan;

import java.time.Duration;
import java.util.List;

/** What a migrate run did: the plan it followed and each migration it applied, in order. */
public record MigrateResult(MigrationPlan plan, List<AppliedFile> applied, Duration elapsed) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }

    public boolean nothingToDo() {
        return applied.isEmpty();
    }
}
