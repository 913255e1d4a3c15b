package dev.strata.cli.output;

import dev.strata.migrations.core.Version;

import java.util.Optional;

/** How a schema version reads in a sentence, including the schema no versioned migration has touched yet. */
public final class SchemaVersionText {
    private SchemaVersionText() {
    }

    /** "at version 3", or "with no versioned migration applied" for an empty history. */
    public static String at(Optional<Version> version) {
        return version.map(v -> "at version " + v).orElse("with no versioned migration applied");
    }

    /** "3", or "no versioned migration applied yet". */
    public static String current(Optional<Version> version) {
        return version.map(Version::toString).orElse("no versioned migration applied yet");
    }
}
