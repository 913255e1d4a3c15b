package dev.strata.migrations.plan;

import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.Version;

import java.util.List;
import java.util.Optional;

/**
 * What {@code strata undo} will run: the undo files, newest version first, each ready to run as its own unit.
 *
 * @param steps  the undo files with their directives and statements; {@code migration()} is the U file
 * @param target the newest version still applied once every step has run, if any
 */
public record UndoPlan(List<PendingMigration> steps, Optional<Version> target) {
    public UndoPlan {
        steps = List.copyOf(steps);
    }

    public boolean nothingToUndo() {
        return steps.isEmpty();
    }
}
