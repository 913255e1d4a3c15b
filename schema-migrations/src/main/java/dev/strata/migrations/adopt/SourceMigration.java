package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Version;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One migration another tool records as applied, in the terms every tool shares: what each {@link SourceTool} reads
 * its history table into, and what {@link AdoptionPlanner} matches with a file, verifies and records.
 *
 * @param order          the position in the tool's history, which orders the rows Strata writes
 * @param kind           what the tool's row means
 * @param version        the version; null exactly for {@link Kind#REPEATABLE}
 * @param repeatableName the file name of a repeatable migration (how it is matched); empty for the other kinds
 * @param verification   the checksum the tool recorded, or that it records none
 * @param installedBy    the database user the tool recorded; empty when it records none (the adopting user is kept)
 * @param installedOn    when the tool applied it; empty when it records no time (the adoption time is kept)
 * @param executionMs    how long it ran, when the tool recorded it
 * @param describe       how messages name the tool's row, e.g. {@code row 3 (V2__orders.sql, version 2)}
 * @param origin         where the row came from, for the history row's {@code adopted_from}: tool, table, row
 * @param missingFileFix the tool's own fix when no file has the version
 */
public record SourceMigration(int order, Kind kind, Version version, String repeatableName,
                              Verification verification, Optional<String> installedBy,
                              Optional<OffsetDateTime> installedOn, OptionalInt executionMs, String describe,
                              String origin, String missingFileFix) {
    /** What the other tool's row records. */
    public enum Kind {
        /** A versioned file that ran. */
        VERSIONED,
        /** A file without a version, run again whenever it changes (Flyway's {@code R__}). */
        REPEATABLE,
        /** The tool was told the schema stood at this version; files up to it never ran through it. */
        BASELINE
    }

    public SourceMigration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(repeatableName, "repeatableName");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(installedBy, "installedBy");
        Objects.requireNonNull(installedOn, "installedOn");
        Objects.requireNonNull(executionMs, "executionMs");
        Objects.requireNonNull(describe, "describe");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(missingFileFix, "missingFileFix");
        if ((version == null) != (kind == Kind.REPEATABLE)) {
            throw new IllegalArgumentException(describe + ": only a repeatable migration has no version");
        }
    }

    /** A versioned file the tool applied, with no time, user or duration recorded. */
    static SourceMigration versioned(int order, Version version, Verification verification, String describe,
                                     String origin, String missingFileFix) {
        return new SourceMigration(order, Kind.VERSIONED, version, "", verification, Optional.empty(),
                Optional.empty(), OptionalInt.empty(), describe, origin, missingFileFix);
    }

    /** The same migration with the time the tool recorded it was applied. */
    SourceMigration installedOn(OffsetDateTime time) {
        return new SourceMigration(order, kind, version, repeatableName, verification, installedBy,
                Optional.of(time), executionMs, describe, origin, missingFileFix);
    }
}
