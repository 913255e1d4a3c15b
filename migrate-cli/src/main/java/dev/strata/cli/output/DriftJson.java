package dev.strata.cli.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.drift.AttributeDifference;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.drift.Excluded;
import dev.strata.migrations.drift.ObjectDifference;
import dev.strata.migrations.drift.ObjectKey;
import dev.strata.migrations.drift.SchemaObject;
import dev.strata.migrations.drift.UnreplayedStep;

import java.util.List;
import java.util.Map;

/**
 * The values of {@code strata diff --output json}, bound by Jackson like {@link JsonValues}: the same facts as the
 * text, one object per difference with both sides ({@code null} for the side that lacks the object) and the
 * attributes that differ.
 */
final class DriftJson {
    private DriftJson() {
    }

    /** A finished {@code strata diff}: what was replayed, what is pending (not drift), and every difference. */
    record Drift(String currentVersion, String targetVersion, List<Replayed> replayed, List<JsonValues.Pending> pending,
                 boolean drifted, String summary, List<Difference> differences, List<String> notes,
                 List<ExcludedValue> excluded, List<SkippedGoStep> skippedGoSteps) {
        static Drift of(DriftReport drift) {
            return new Drift(JsonValues.text(drift.plan().current()), JsonValues.text(drift.plan().target()),
                    drift.replayed().stream().map(Replayed::of).toList(),
                    drift.pending().stream().map(migration -> JsonValues.Pending.of(migration, false)).toList(),
                    drift.drifted(), drift.diff().summary(),
                    drift.diff().differences().stream().map(Difference::of).toList(), drift.diff().notes(),
                    drift.excluded().stream().map(ExcludedValue::of).toList(),
                    drift.skippedGoSteps().stream().map(SkippedGoStep::of).toList());
        }
    }

    /** A file replayed into the scratch database. */
    record Replayed(String script, String version, boolean repeatable) {
        static Replayed of(ResolvedMigration file) {
            return new Replayed(file.script(), JsonValues.text(file.id().versionNumber()),
                    file.id() instanceof MigrationId.Repeatable);
        }
    }

    /** One difference: each side's attributes ({@code null}: that side lacks the object), those that differ. */
    record Difference(String kind, String name, String change, String description, Map<String, String> expected,
                      Map<String, String> actual, List<Attribute> attributes, List<Part> parts) {
        static Difference of(ObjectDifference difference) {
            return new Difference(difference.kind().name(), difference.name(), difference.change().name(),
                    difference.key() + ": " + difference.change().label(),
                    difference.expected().map(SchemaObject::attributes).orElse(null),
                    difference.actual().map(SchemaObject::attributes).orElse(null),
                    difference.attributes().stream().map(Attribute::of).toList(),
                    difference.parts().stream().map(Part::of).toList());
        }
    }

    /** An attribute that differs; {@code null} on the side that lacks it. */
    record Attribute(String attribute, String expected, String actual) {
        static Attribute of(AttributeDifference attribute) {
            return new Attribute(attribute.attribute(), attribute.expected().orElse(null),
                    attribute.actual().orElse(null));
        }
    }

    /** An object folded into the difference of the one it belongs to (a missing table's columns). */
    record Part(String kind, String name, Map<String, String> attributes) {
        static Part of(SchemaObject part) {
            return new Part(part.kind().name(), part.name(), part.attributes());
        }
    }

    /** What an exclusion pattern left out: where the pattern came from, whether it is a default, the objects. */
    @JsonPropertyOrder({"pattern", "origin", "default", "objects"})
    record ExcludedValue(String pattern, String origin, @JsonProperty("default") boolean byDefault,
                         List<Key> objects) {
        static ExcludedValue of(Excluded excluded) {
            return new ExcludedValue(excluded.pattern(), excluded.origin(), excluded.byDefault(),
                    excluded.objects().stream().map(Key::of).toList());
        }
    }

    /** An object by kind and name, as diff prints it. */
    record Key(String kind, String name) {
        static Key of(ObjectKey key) {
            return new Key(key.kind().name(), key.name());
        }
    }

    /** A migration written in Go that no replay ran, so the comparison left out what it changed. */
    record SkippedGoStep(String path, String version, String layout) {
        static SkippedGoStep of(UnreplayedStep step) {
            return new SkippedGoStep(step.path(), step.version().toString(), step.layout());
        }
    }
}
