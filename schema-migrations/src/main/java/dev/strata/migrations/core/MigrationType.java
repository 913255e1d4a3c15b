package dev.strata.migrations.core;

/** What kind of entry a history row records. */
public enum MigrationType {
    /** A versioned SQL file, {@code V<version>__<description>.sql}. */
    SQL,
    /** {@code strata baseline}: an existing schema adopted at this version; files up to it are not run. */
    BASELINE
}
