package dev.strata.migrations.fleet;

import dev.strata.migrations.core.Version;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fleet run did on one target.
 *
 * @param from         the version the target was at before the run (empty: nothing applied yet, or not reached)
 * @param to           the version it is at after the run (for status and validate, which change nothing: {@code from};
 *                     for plan, the version migrate would bring it to)
 * @param filesApplied how many files the run applied there (always 0 for status and validate)
 * @param pending      how many files were still pending after the run
 * @param reached      the target's history was read, so {@code to} is where it is (false for a skipped target, or
 *                     one that could not be reached)
 */
public record TargetResult(String name, String location, Optional<Version> from, Optional<Version> to,
                           int filesApplied, int pending, boolean reached, Duration elapsed,
                           TargetOutcome outcome) {
    public TargetResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(outcome, "outcome");
    }

    static TargetResult skipped(Target target, String reason) {
        return new TargetResult(target.name(), target.location(), Optional.empty(), Optional.empty(), 0, 0, false,
                Duration.ZERO, new TargetOutcome.Skipped(reason));
    }

    public boolean succeeded() {
        return outcome instanceof TargetOutcome.Succeeded;
    }

    public boolean failed() {
        return outcome instanceof TargetOutcome.Failed;
    }

    /** Stopped from outside (SIGINT, SIGTERM) while it ran: its current file was rolled back or recorded as failed. */
    public boolean interrupted() {
        return outcome instanceof TargetOutcome.Failed failed
                && failed.kind() == TargetOutcome.FailureKind.INTERRUPTED;
    }

    public boolean skipped() {
        return outcome instanceof TargetOutcome.Skipped;
    }
}
