package dev.strata.cli.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;

import java.util.Locale;
import java.util.Optional;

/** The {@code fleet} object of a fleet run's JSON document: one entry per target, the versions, the totals. */
public final class FleetJson {
    private FleetJson() {
    }

    static ObjectNode of(FleetResult result) {
        ObjectNode fleet = JsonNodeFactory.instance.objectNode();
        ArrayNode targets = fleet.putArray("targets");
        result.targets().forEach(target -> targets.add(target(target)));
        ArrayNode versions = fleet.putArray("versions");
        result.versionCounts().forEach((version, count) -> {
            ObjectNode node = versions.addObject();
            node.put("version", version.map(Version::toString).orElse(null));
            node.put("targets", count);
        });
        ObjectNode totals = fleet.putObject("totals");
        totals.put("targets", result.targets().size());
        totals.put("succeeded", result.succeeded());
        totals.put("failed", result.failed());
        totals.put("interrupted", result.interrupted());
        totals.put("notStarted", result.skipped());
        totals.put("filesApplied", result.filesApplied());
        totals.put("elapsedMs", result.elapsed().toMillis());
        fleet.put("stoppedBy", result.stoppedBy().orElse(null));
        return fleet;
    }

    private static ObjectNode target(TargetResult target) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", target.name());
        node.put("location", target.location());
        node.put("result", result(target.outcome()));
        node.put("from", version(target.from(), target.reached()));
        node.put("to", version(target.to(), target.reached()));
        node.put("filesApplied", target.filesApplied());
        node.put("pending", target.pending());
        node.put("elapsedMs", target.elapsed().toMillis());
        if (target.outcome() instanceof TargetOutcome.Failed failed) {
            ObjectNode error = node.putObject("error");
            error.put("kind", failed.kind().name().toLowerCase(Locale.ROOT));
            error.put("message", failed.message());
            error.put("script", failed.script().orElse(null));
            if (failed.line().isPresent()) {
                error.put("line", failed.line().getAsInt());
            } else {
                error.putNull("line");
            }
            error.put("sqlState", failed.sqlState().orElse(null));
        }
        if (target.outcome() instanceof TargetOutcome.Skipped skipped) {
            node.put("reason", skipped.reason());
        }
        return node;
    }

    private static String result(TargetOutcome outcome) {
        if (outcome instanceof TargetOutcome.Failed failed) {
            return failed.kind() == TargetOutcome.FailureKind.INTERRUPTED ? "interrupted" : "failed";
        }
        return outcome instanceof TargetOutcome.Skipped ? "not_started" : "succeeded";
    }

    private static String version(Optional<Version> version, boolean reached) {
        return reached ? version.map(Version::toString).orElse(null) : null;
    }
}
