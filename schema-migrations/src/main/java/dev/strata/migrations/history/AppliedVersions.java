package dev.strata.migrations.history;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the history reads, version by version: the last row of a version (by installed rank) decides its state, so a
 * version whose last row is an undo is not applied, and a baseline stands for every version up to it. Earlier rows
 * stay as the record of what happened. Repeatable migrations are read the same way, by file name. The planner and
 * {@code SchemaGuard} both read the history through this.
 *
 * @param lastRows       the deciding row of each version, in the order the versions first appear in the history
 * @param baseline       the version of the baseline row, if the history starts with one
 * @param lastRepeatable the deciding row of each repeatable migration, by file name, in order of first appearance
 */
public record AppliedVersions(Map<Version, HistoryRow> lastRows, Optional<Version> baseline,
                              Map<String, HistoryRow> lastRepeatable) {

    public AppliedVersions {
        lastRows = Collections.unmodifiableMap(new LinkedHashMap<>(lastRows));
        lastRepeatable = Collections.unmodifiableMap(new LinkedHashMap<>(lastRepeatable));
    }

    public static AppliedVersions of(List<HistoryRow> history) {
        Map<Version, HistoryRow> lastRows = new LinkedHashMap<>();
        Map<String, HistoryRow> lastRepeatable = new LinkedHashMap<>();
        Version baseline = null;
        for (HistoryRow row : history) {
            if (row.id() instanceof MigrationId.Versioned versioned) {
                if (row.type() == MigrationType.BASELINE) {
                    baseline = versioned.version();
                }
                lastRows.merge(versioned.version(), row, AppliedVersions::later);
            } else {
                lastRepeatable.merge(row.script(), row, AppliedVersions::later);
            }
        }
        return new AppliedVersions(lastRows, Optional.ofNullable(baseline), lastRepeatable);
    }

    private static HistoryRow later(HistoryRow kept, HistoryRow next) {
        return next.installedRank() > kept.installedRank() ? next : kept;
    }

    /** True when the version's last row records a successful undo: its file counts as not applied. */
    public static boolean isUndo(HistoryRow row) {
        return row.type() == MigrationType.UNDO && row.success();
    }

    /** True when a baseline at or above this version stands for it. */
    public boolean coveredByBaseline(Version version) {
        return coveredByBaseline(version, VersionOrder.NUMERIC);
    }

    /** As {@link #coveredByBaseline(Version)}, with versions compared in {@code order}. */
    public boolean coveredByBaseline(Version version, VersionOrder order) {
        return baseline.filter(at -> !order.isAfter(version, at)).isPresent();
    }
}
