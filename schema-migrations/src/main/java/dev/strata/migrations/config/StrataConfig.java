package dev.strata.migrations.config;

import dev.strata.migrations.MigrationSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole configuration, validated: {@code [database]}, {@code [migrations]}, {@code [codegen]}, {@code [drift]},
 * and the file it came from.
 */
public record StrataConfig(DatabaseSettings database, MigrationSettings migrations, CodegenConfig codegen,
                           DriftConfig drift, Optional<Path> file) {

    /** A configuration without {@code [drift]} settings. */
    public StrataConfig(DatabaseSettings database, MigrationSettings migrations, CodegenConfig codegen,
                        Optional<Path> file) {
        this(database, migrations, codegen, DriftConfig.UNSET, file);
    }

    /** A configuration without {@code [codegen]} settings (the database commands need none). */
    public StrataConfig(DatabaseSettings database, MigrationSettings migrations, Optional<Path> file) {
        this(database, migrations, CodegenConfig.UNSET, DriftConfig.UNSET, file);
    }
}
