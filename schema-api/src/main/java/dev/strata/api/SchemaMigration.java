package dev.strata.api;

import java.util.Objects;

/** One migration file a generated schema was made from, as a {@link SchemaDescriptor} lists it. */
public sealed interface SchemaMigration permits SchemaMigration.Versioned, SchemaMigration.Repeatable {

    /** The file name, as the history table records it. */
    String script();

    /** {@code sha256:<hex>} of the normalised file text, as the history table records it. */
    String checksum();

    /** A versioned file ({@code V<version>__…sql}); {@code version} as written, {@code _} shown as {@code .}. */
    record Versioned(String version, String script, String checksum) implements SchemaMigration {
        public Versioned {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(checksum, "checksum");
        }
    }

    /** A repeatable file ({@code R__<description>.sql}): no version, re-run whenever its checksum changes. */
    record Repeatable(String script, String checksum) implements SchemaMigration {
        public Repeatable {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(checksum, "checksum");
        }
    }
}
