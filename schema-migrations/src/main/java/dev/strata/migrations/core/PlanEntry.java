package dev.strata.migrations.core;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration as the plan sees it: the file on disk, the history row, or both. Which of them there is follows from
 * the state (a {@link MigrationState#MISSING} entry has no file, a {@link MigrationState#PENDING} one may have the row
 * of an undo), so a shape per combination would say the state twice; the constructor refuses an entry with neither.
 *
 * @param row the deciding history row of the migration, if it has one
 */
public record PlanEntry(MigrationId id, String description, String script, MigrationState state,
                        Optional<ResolvedMigration> file, Optional<HistoryRow> row) {
    /** Versioned migrations by version, then repeatable ones by file name: the order they run in. */
    public static final Comparator<PlanEntry> ORDER = order(VersionOrder.NUMERIC);

    /** {@link #ORDER} with versions in {@code order}. */
    public static Comparator<PlanEntry> order(VersionOrder order) {
        return Comparator.comparing(PlanEntry::id, MigrationId.order(order)).thenComparing(PlanEntry::script);
    }

    public PlanEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(row, "row");
        if (file.isEmpty() && row.isEmpty()) {
            throw new IllegalArgumentException("a plan entry needs a file or a history row");
        }
    }

    public Optional<OffsetDateTime> installedAt() {
        return row.map(HistoryRow::installedAt);
    }

    /** True when the deciding history row was recorded by {@code strata adopt} from another tool's history. */
    public boolean adopted() {
        return row.filter(HistoryRow::isAdopted).isPresent();
    }

    /** Where the deciding history row came from, when {@code strata adopt} recorded it. */
    public Optional<String> adoptedFrom() {
        return row.flatMap(HistoryRow::adoptedFrom);
    }

    public Optional<Integer> executionMs() {
        return row.map(HistoryRow::executionMs);
    }
}
