package dev.strata.migrations.core;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the history table.
 *
 * @param id       the row's version; for a {@link MigrationType#REPEATABLE} row, which records a file without a
 *                 version, its file name
 * @param checksum the stored checksum text ({@code sha256:<hex>}); parsed by the planner so an unreadable value
 *                 becomes a reported problem instead of an exception while reading
 * @param adoptedFrom where a row {@code strata adopt} recorded came from: the other tool, its table and row, and how
 *                    the file was checked; empty for a row recording work Strata did itself
 */
public record HistoryRow(int installedRank, MigrationId id, String description, MigrationType type, String script,
                         String checksum, String installedBy, OffsetDateTime installedAt, int executionMs,
                         boolean success, Optional<String> adoptedFrom) {
    /** A row Strata wrote for work it did itself. */
    public HistoryRow(int installedRank, MigrationId id, String description, MigrationType type, String script,
                      String checksum, String installedBy, OffsetDateTime installedAt, int executionMs,
                      boolean success) {
        this(installedRank, id, description, type, script, checksum, installedBy, installedAt, executionMs,
                success, Optional.empty());
    }

    public HistoryRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(adoptedFrom, "adoptedFrom");
        if ((id instanceof MigrationId.Repeatable) != (type == MigrationType.REPEATABLE)) {
            throw new IllegalArgumentException("history row " + installedRank + " (" + script + ", type " + type
                    + "): only a REPEATABLE row has no version");
        }
        if (id instanceof MigrationId.Repeatable repeatable && !repeatable.script().equals(script)) {
            throw new IllegalArgumentException("history row " + installedRank + " (" + script + "): a repeatable row"
                    + " is known by its file name, not " + repeatable.script());
        }
    }

    /** Whether {@code strata adopt} recorded this row from another tool's history. */
    public boolean isAdopted() {
        return type == MigrationType.ADOPTED || adoptedFrom.isPresent();
    }
}
