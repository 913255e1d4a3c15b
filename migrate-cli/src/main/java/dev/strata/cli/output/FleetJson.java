package dev.strata.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code fleet} object of a fleet run's JSON document, bound by Jackson like {@link JsonValues}: one entry per
 * target, the versions, the totals.
 */
final class FleetJson {
    private FleetJson() {
    }

    /** {@code stoppedBy}: the signal that stopped the run, null when none did. */
    record Fleet(List<Target> targets, List<VersionCount> versions, Totals totals, String stoppedBy) {
        static Fleet of(FleetResult result) {
            return new Fleet(result.targets().stream().map(Target::of).toList(),
                    result.versionCounts().entrySet().stream()
                            .map(entry -> new VersionCount(JsonValues.text(entry.getKey()), entry.getValue()))
                            .toList(),
                    Totals.of(result), result.stoppedBy().orElse(null));
        }
    }

    /**
     * A target's outcome; {@code from} and {@code to} null when its history was not read, {@code error} only for a
     * failed target, {@code reason} only for one not started.
     */
    record Target(String name, String location, String result, String from, String to, int filesApplied, int pending,
                  long elapsedMs, @JsonInclude(JsonInclude.Include.NON_NULL) TargetError error,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
        static Target of(TargetResult target) {
            return new Target(target.name(), target.location(), resultName(target.outcome()),
                    version(target.from(), target.reached()), version(target.to(), target.reached()),
                    target.filesApplied(), target.pending(), target.elapsed().toMillis(),
                    target.outcome() instanceof TargetOutcome.Failed failed ? TargetError.of(failed) : null,
                    target.outcome() instanceof TargetOutcome.Skipped skipped ? skipped.reason() : null);
        }
    }

    /** Why a target failed; the file, line and SQLSTATE null when the failure has none. */
    record TargetError(String kind, String message, String script, Integer line, String sqlState) {
        static TargetError of(TargetOutcome.Failed failed) {
            return new TargetError(failed.kind().name().toLowerCase(Locale.ROOT), failed.message(),
                    failed.script().orElse(null), failed.line().isPresent() ? failed.line().getAsInt() : null,
                    failed.sqlState().orElse(null));
        }
    }

    /** How many targets are at a version (null: none applied), newest first. */
    record VersionCount(String version, long targets) {
    }

    record Totals(int targets, long succeeded, long failed, long interrupted, long notStarted, int filesApplied,
                  long elapsedMs) {
        static Totals of(FleetResult result) {
            return new Totals(result.targets().size(), result.succeeded(), result.failed(), result.interrupted(),
                    result.skipped(), result.filesApplied(), result.elapsed().toMillis());
        }
    }

    private static String resultName(TargetOutcome outcome) {
        if (outcome instanceof TargetOutcome.Failed failed) {
            return failed.kind() == TargetOutcome.FailureKind.INTERRUPTED ? "interrupted" : "failed";
        }
        return outcome instanceof TargetOutcome.Skipped ? "not_started" : "succeeded";
    }

    private static String version(Optional<Version> version, boolean reached) {
        return reached ? JsonValues.text(version) : null;
    }
}
