package dev.strata.migrations.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How a database's schema ({@code actual}) differs from the schema its migrations produce ({@code expected}): one
 * {@link ObjectDifference} per object, ordered by kind and name. The parts of a missing or unexpected table or view
 * (its columns, constraints, indexes, triggers) are folded into it rather than listed one by one. A pure function of
 * the two snapshots; no database is needed.
 *
 * @param notes facts that qualify the comparison, e.g. that the two snapshots come from different PostgreSQL majors
 */
public record SchemaDiff(List<ObjectDifference> differences, List<String> notes) {
    public SchemaDiff {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** Compares two snapshots object by object, by kind and qualified name. */
    public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Map<ObjectKey, SchemaObject> before = expected.byKey();
        Map<ObjectKey, SchemaObject> after = actual.byKey();
        Set<ObjectKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<ObjectDifference> all = new ArrayList<>();
        for (ObjectKey key : keys) {
            ObjectDifference.of(Optional.ofNullable(before.get(key)), Optional.ofNullable(after.get(key)))
                    .ifPresent(all::add);
        }
        return new SchemaDiff(foldParts(all), notes(expected, actual));
    }

    /**
     * A table dropped by hand would otherwise also list each of its columns, constraints, indexes and triggers as
     * missing; they are moved into the table's own difference instead.
     */
    private static List<ObjectDifference> foldParts(List<ObjectDifference> all) {
        Set<String> wholeRelations = new HashSet<>();
        for (ObjectDifference difference : all) {
            if (difference.change() != ObjectDifference.Change.CHANGED && isRelation(difference.kind())) {
                wholeRelations.add(difference.change() + " " + difference.name());
            }
        }
        Map<String, List<SchemaObject>> parts = all.stream()
                .filter(difference -> isFolded(difference, wholeRelations))
                .collect(Collectors.groupingBy(difference -> difference.change() + " "
                        + difference.object().parent().orElseThrow(), Collectors.mapping(ObjectDifference::object,
                        Collectors.toList())));
        List<ObjectDifference> kept = new ArrayList<>();
        for (ObjectDifference difference : all) {
            if (isFolded(difference, wholeRelations)) {
                continue;
            }
            List<SchemaObject> folded = isRelation(difference.kind())
                    ? parts.getOrDefault(difference.change() + " " + difference.name(), List.of()) : List.of();
            kept.add(folded.isEmpty() ? difference : difference.withParts(folded));
        }
        return kept;
    }

    private static boolean isFolded(ObjectDifference difference, Set<String> wholeRelations) {
        return difference.change() != ObjectDifference.Change.CHANGED
                && difference.object().parent()
                .filter(parent -> wholeRelations.contains(difference.change() + " " + parent)).isPresent();
    }

    static boolean isRelation(ObjectKind kind) {
        return kind == ObjectKind.TABLE || kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW;
    }

    private static List<String> notes(SchemaSnapshot expected, SchemaSnapshot actual) {
        if (expected.serverMajor().equals(actual.serverMajor())) {
            return List.of();
        }
        return List.of("the migrations were replayed on PostgreSQL " + expected.serverVersion()
                + " and the database runs PostgreSQL " + actual.serverVersion()
                + ": definitions may print differently across majors; compare with a scratch server of the same major");
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** The difference of one object, if it differs (and is not folded into its table). */
    public Optional<ObjectDifference> find(ObjectKind kind, String name) {
        return differences.stream().filter(d -> d.kind() == kind && d.name().equals(name)).findFirst();
    }

    public long count(ObjectDifference.Change change) {
        return differences.stream().filter(difference -> difference.change() == change).count();
    }

    /** One line: {@code 3 differences: 1 changed, 1 missing from the database, 1 not created by the migrations}. */
    public String summary() {
        return DiffText.summary(this);
    }

    /**
     * The summary, then every difference grouped by object with both sides, then the notes: the text of
     * {@code strata diff}, and fit for an assertion message.
     */
    public String describe() {
        return DiffText.describe(this);
    }

    @Override
    public String toString() {
        return describe();
    }
}
