package dev.strata.migrations.drift;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One object that is not the same in the two snapshots, with both sides: {@code expected} as the migrations produce
 * it, {@code actual} as the database has it. Exactly one side is empty for {@link Change#MISSING} and
 * {@link Change#UNEXPECTED}; for {@link Change#CHANGED} both are present and {@code attributes} lists what differs.
 *
 * @param parts the columns, constraints, indexes and triggers of a missing or unexpected table, view or materialized
 *              view: folded into it instead of being listed as differences of their own
 */
public record ObjectDifference(ObjectKind kind, String name, Change change, Optional<SchemaObject> expected,
                               Optional<SchemaObject> actual, List<AttributeDifference> attributes,
                               List<SchemaObject> parts) {

    /** How the database differs from the migrations for one object. */
    public enum Change {
        /** The migrations create it; the database does not have it (dropped or never created by hand). */
        MISSING("missing from the database"),
        /** The database has it; the migrations do not create it (created by hand). */
        UNEXPECTED("not created by the migrations"),
        /** Both have it, with different attributes. */
        CHANGED("changed");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ObjectDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        attributes = List.copyOf(attributes);
        parts = List.copyOf(parts);
        boolean consistent = switch (change) {
            case MISSING -> expected.isPresent() && actual.isEmpty();
            case UNEXPECTED -> expected.isEmpty() && actual.isPresent();
            case CHANGED -> expected.isPresent() && actual.isPresent() && !attributes.isEmpty();
        };
        if (!consistent) {
            throw new IllegalArgumentException(change + " does not fit the sides given for " + kind.label() + " " + name);
        }
    }

    /**
     * The difference of two sides of one object, or empty when they are equal.
     *
     * @throws IllegalArgumentException when both sides are empty or the sides are different objects
     */
    public static Optional<ObjectDifference> of(Optional<SchemaObject> expected, Optional<SchemaObject> actual) {
        SchemaObject any = expected.or(() -> actual)
                .orElseThrow(() -> new IllegalArgumentException("a difference needs at least one side"));
        if (expected.isPresent() && actual.isPresent() && !expected.get().key().equals(actual.get().key())) {
            throw new IllegalArgumentException("cannot compare " + expected.get().key() + " with " + actual.get().key());
        }
        if (expected.isEmpty()) {
            return Optional.of(new ObjectDifference(any.kind(), any.name(), Change.UNEXPECTED, expected, actual,
                    List.of(), List.of()));
        }
        if (actual.isEmpty()) {
            return Optional.of(new ObjectDifference(any.kind(), any.name(), Change.MISSING, expected, actual,
                    List.of(), List.of()));
        }
        List<AttributeDifference> differing = compare(expected.get(), actual.get());
        return differing.isEmpty() ? Optional.empty() : Optional.of(new ObjectDifference(any.kind(), any.name(),
                Change.CHANGED, expected, actual, differing, List.of()));
    }

    /** Attributes in the expected side's order, then those only the actual side has. */
    private static List<AttributeDifference> compare(SchemaObject expected, SchemaObject actual) {
        Set<String> names = new LinkedHashSet<>(expected.attributes().keySet());
        names.addAll(actual.attributes().keySet());
        List<AttributeDifference> differing = new ArrayList<>();
        for (String attribute : names) {
            Optional<String> before = expected.attribute(attribute);
            Optional<String> after = actual.attribute(attribute);
            if (!before.equals(after)) {
                differing.add(new AttributeDifference(attribute, before, after));
            }
        }
        return differing;
    }

    public ObjectKey key() {
        return new ObjectKey(kind, name);
    }

    /** The side that exists (the expected one when both do). */
    public SchemaObject object() {
        return expected.or(() -> actual).orElseThrow();
    }

    ObjectDifference withParts(List<SchemaObject> folded) {
        return new ObjectDifference(kind, name, change, expected, actual, attributes, folded);
    }

    /** The text {@link SchemaDiff#describe()} prints for this object. */
    public String describe() {
        return DiffText.describe(this);
    }
}
