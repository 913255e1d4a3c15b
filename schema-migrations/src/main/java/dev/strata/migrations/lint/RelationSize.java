package dev.strata.migrations.lint;

import java.util.Locale;
import java.util.Optional;

/**
 * A relation's size in the target database: {@code pg_total_relation_size} (with its indexes and TOAST) and the
 * planner's row estimate ({@code reltuples}; empty when the table was never analyzed).
 */
public record RelationSize(long bytes, Optional<Long> rows) {
    /** Below both: a lock on it is brief, so a lock or rewrite finding is one level lower. */
    static final long SMALL_BYTES = 10L * 1024 * 1024;
    static final long SMALL_ROWS = 100_000;
    /** At or above either: a rewrite or scan takes minutes, so the finding is one level higher. */
    static final long LARGE_BYTES = 1024L * 1024 * 1024;
    static final long LARGE_ROWS = 10_000_000;

    Severity weigh(Severity severity) {
        if (bytes >= LARGE_BYTES || rows.orElse(0L) >= LARGE_ROWS) {
            return severity.higher();
        }
        if (bytes < SMALL_BYTES && rows.orElse(0L) < SMALL_ROWS) {
            return severity.lower();
        }
        return severity;
    }

    /** E.g. {@code 1.2 GB, ~3,400,000 rows}. */
    public String describe() {
        String size;
        if (bytes >= 1024L * 1024 * 1024) {
            size = String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        } else if (bytes >= 1024L * 1024) {
            size = String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        } else {
            size = String.format(Locale.ROOT, "%d kB", Math.max(1, bytes / 1024));
        }
        return size + rows.map(count -> String.format(Locale.ROOT, ", ~%,d rows", count)).orElse(", rows not estimated yet");
    }
}
