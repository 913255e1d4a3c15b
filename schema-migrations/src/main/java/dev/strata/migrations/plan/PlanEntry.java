package dev.strata.migrations.plan;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration as the plan sees it: the file on disk, the history row, or both.
 * Exactly one of {@code file} and {@code applied} may be null.
 *
 * @param version null for a repeatable migration
 */
public record PlanEntry(Version version, String description, String script, MigrationState state,
                        ResolvedMigration file, HistoryRow applied) {
    /** Versioned migrations by version, then repeatable ones by file name: the order they run in. */
    public static final Comparator<PlanEntry> ORDER = Comparator
            .comparing(PlanEntry::version, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PlanEntry::script);

    /** {@link #ORDER} with versions in {@code order}. */
    public static Comparator<PlanEntry> order(VersionOrder order) {
        return Comparator.comparing(PlanEntry::version, Comparator.nullsLast(order)).thenComparing(PlanEntry::script);
    }

    public PlanEntry {
        Objects.requireNonNull(state, "state");
        if (file == null && applied == null) {
            throw new IllegalArgumentException("a plan entry needs a file or a history row");
        }
    }

    public boolean isRepeatable() {
        return version == null;
    }

    public Optional<ResolvedMigration> resolvedFile() {
        return Optional.ofNullable(file);
    }

    public Optional<HistoryRow> historyRow() {
        return Optional.ofNullable(applied);
    }

    /** Whether the entry's file holds no statement (empty, or only comments): it runs nothing when applied. */
    public boolean isNoOp() {
        return file != null && NoOpScripts.holdsNoStatement(file.content());
    }

    public Optional<OffsetDateTime> installedAt() {
        return historyRow().map(HistoryRow::installedAt);
    }

    /** True when the deciding history row was recorded by {@code strata adopt} from another tool's history. */
    public boolean adopted() {
        return applied != null && applied.isAdopted();
    }

    /** Where the deciding history row came from, when {@code strata adopt} recorded it. */
    public Optional<String> adoptedFrom() {
        return historyRow().flatMap(HistoryRow::adoptedFrom);
    }

    public Optional<Integer> executionMs() {
        return historyRow().map(HistoryRow::executionMs);
    }
}
