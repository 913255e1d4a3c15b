package dev.strata.migrations.core;

/** What kind of entry a history row records. */
public enum MigrationType {
    /** A versioned SQL file, {@code V<version>__<description>.sql}. */
    SQL,
    /** {@code strata baseline}: an existing schema adopted at this version; files up to it are not run. */
    BASELINE,
    /**
     * {@code strata undo}: the {@code U<version>__<description>.sql} file of this version ran. The last row of a
     * version decides its state, so a version whose last row is UNDO counts as not applied (its V file is pending
     * again); older rows of the version stay as the record of what happened.
     */
    UNDO,
    /**
     * A repeatable file, {@code R__<description>.sql}: it has no version, and runs again, after the versioned files,
     * whenever its checksum differs from the one its last row recorded. Its rows have no version.
     */
    REPEATABLE,
    /**
     * {@code strata adopt}: a versioned file another tool applied, verified against that tool's checksum and recorded
     * without running it. Read like {@link #SQL}: the version is applied and its file's checksum is compared from now
     * on. The row's {@code adopted_from} column holds its provenance (tool, table, row, how the file was checked).
     */
    ADOPTED
}
