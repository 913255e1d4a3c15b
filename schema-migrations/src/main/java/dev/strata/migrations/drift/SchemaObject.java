package dev.strata.migrations.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a schema as PostgreSQL's own catalog functions print it. Its attributes are what is compared
 * ({@code type}, {@code default}, {@code definition}, …, in a fixed order per kind); an attribute that does not apply
 * is absent rather than empty, so "no default" and "default null" stay different facts.
 *
 * @param parent the qualified name of the relation it belongs to (a column's, constraint's, index's or trigger's
 *               table), so that a diff can fold the parts of a missing table into the table
 */
public record SchemaObject(ObjectKind kind, String name, Optional<String> parent, Map<String, String> attributes) {
    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        attributes.forEach((attribute, value) -> {
            Objects.requireNonNull(attribute, "attribute name");
            Objects.requireNonNull(value, () -> "value of attribute " + attribute + " of " + kind.label() + " " + name);
        });
    }

    public static SchemaObject of(ObjectKind kind, String name, Map<String, String> attributes) {
        return new SchemaObject(kind, name, Optional.empty(), attributes);
    }

    public ObjectKey key() {
        return new ObjectKey(kind, name);
    }

    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** {@code type: text; not null: no; default: now()} (multi-line values, such as function bodies, stay multi-line). */
    public String describeAttributes() {
        if (attributes.isEmpty()) {
            return "(exists)";
        }
        StringBuilder text = new StringBuilder();
        attributes.forEach((attribute, value) -> {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(attribute).append(": ").append(value);
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return key() + " {" + describeAttributes() + "}";
    }
}
