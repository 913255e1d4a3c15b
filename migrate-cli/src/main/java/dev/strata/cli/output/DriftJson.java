package dev.strata.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.migrations.drift.AttributeDifference;
import dev.strata.migrations.drift.Excluded;
import dev.strata.migrations.drift.ObjectKey;
import dev.strata.migrations.drift.ObjectDifference;
import dev.strata.migrations.drift.SchemaDiff;
import dev.strata.migrations.drift.SchemaObject;

import java.util.List;
import java.util.Optional;

/**
 * The {@code differences} of {@code strata diff --output json}: the same facts as the text, one object per
 * difference with both sides ({@code null} for the side that lacks the object) and the attributes that differ.
 */
final class DriftJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DriftJson() {
    }

    static ArrayNode differences(SchemaDiff diff) {
        ArrayNode array = NODES.arrayNode();
        for (ObjectDifference difference : diff.differences()) {
            ObjectNode node = array.addObject();
            node.put("kind", difference.kind().name());
            node.put("name", difference.name());
            node.put("change", difference.change().name());
            node.put("description", difference.key() + ": " + difference.change().label());
            node.set("expected", side(difference.expected()));
            node.set("actual", side(difference.actual()));
            ArrayNode attributes = node.putArray("attributes");
            for (AttributeDifference attribute : difference.attributes()) {
                ObjectNode changed = attributes.addObject();
                changed.put("attribute", attribute.attribute());
                changed.put("expected", attribute.expected().orElse(null));
                changed.put("actual", attribute.actual().orElse(null));
            }
            ArrayNode parts = node.putArray("parts");
            for (SchemaObject part : difference.parts()) {
                ObjectNode folded = parts.addObject();
                folded.put("kind", part.kind().name());
                folded.put("name", part.name());
                folded.set("attributes", attributes(part));
            }
        }
        return array;
    }

    /** What each exclusion pattern left out: {@code pattern}, {@code origin}, {@code default}, {@code objects}. */
    static ArrayNode excluded(List<Excluded> excluded) {
        ArrayNode array = NODES.arrayNode();
        for (Excluded pattern : excluded) {
            ObjectNode node = array.addObject();
            node.put("pattern", pattern.pattern());
            node.put("origin", pattern.origin());
            node.put("default", pattern.byDefault());
            ArrayNode objects = node.putArray("objects");
            for (ObjectKey key : pattern.objects()) {
                objects.addObject().put("kind", key.kind().name()).put("name", key.name());
            }
        }
        return array;
    }

    private static ObjectNode side(Optional<SchemaObject> object) {
        return object.map(DriftJson::attributes).orElse(null);
    }

    private static ObjectNode attributes(SchemaObject object) {
        ObjectNode node = NODES.objectNode();
        object.attributes().forEach(node::put);
        return node;
    }
}
