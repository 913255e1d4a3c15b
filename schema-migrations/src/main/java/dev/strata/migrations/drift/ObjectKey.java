package dev.strata.migrations.drift;

import java.util.Comparator;
import java.util.Objects;

/**
 * What identifies an object across two databases: its kind and its qualified name, never an OID. Names are printed as
 * PostgreSQL prints them ({@code quote_ident}): {@code public.jobs} for a table, view, sequence or index (relations
 * share one name space per schema), {@code public.jobs.status} for a column, constraint or trigger (named per table),
 * {@code public.touch(integer, text)} for a function or procedure (overloads differ by their arguments), {@code citext}
 * for an extension.
 */
public record ObjectKey(ObjectKind kind, String name) implements Comparable<ObjectKey> {
    private static final Comparator<ObjectKey> ORDER =
            Comparator.comparing(ObjectKey::kind).thenComparing(ObjectKey::name);

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code index public.jobs_pending_idx}. */
    @Override
    public String toString() {
        return kind.label() + " " + name;
    }
}
