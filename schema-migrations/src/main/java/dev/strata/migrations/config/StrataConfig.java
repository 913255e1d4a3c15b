package dev.strata.migrations.config;

import dev.strata.migrations.MigrationSettings;

import java.nio.file.Path;
import java.util.Optional;

/** The whole configuration, validated: {@code [database]}, {@code [migrations]}, and the file it came from. */
public record StrataConfig(DatabaseSettings database, MigrationSettings migrations, Optional<Path> file) {
}
