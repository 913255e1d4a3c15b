package dev.strata.migrations.core;

/** What kind of entry a history row records. */
public enum MigrationType {
    /** A versioned SQL file, {@code V<version>__<description>.sql}. */
    SQL
}
