package dev.strata.migrations;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.Version;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an undo run did: the plan it started from, each undo file it ran (newest version first; {@code script} is the
 * U file) and the newest version still applied afterwards.
 */
public record UndoResult(MigrationPlan plan, List<AppliedFile> undone, Optional<Version> current, Duration elapsed) {
    public UndoResult {
        undone = List.copyOf(undone);
    }

    public boolean nothingToDo() {
        return undone.isEmpty();
    }
}
