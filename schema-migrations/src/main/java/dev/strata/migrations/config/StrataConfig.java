package dev.strata.migrations.config;

import dev.strata.migrations.MigrationSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole configuration, validated: {@code [database]}, {@code [migrations]}, {@code [codegen]}, {@code [drift]},
 * {@code [fleet]} with the {@code [[targets]]}, the {@code migrations.lint} gate (kept out of the
 * {@link MigrationSettings} a {@code Migrator} runs with: the gate needs a scratch database, which its callers
 * provide to {@code lint.LintGateCheck}), and the file it came from.
 */
public record StrataConfig(DatabaseSettings database, MigrationSettings migrations, CodegenConfig codegen,
                           DriftConfig drift, FleetConfig fleet, LintGate lintGate, Optional<Path> file) {

    /** A configuration without {@code [drift]} settings or fleet targets. */
    public StrataConfig(DatabaseSettings database, MigrationSettings migrations, CodegenConfig codegen,
                        Optional<Path> file) {
        this(database, migrations, codegen, DriftConfig.UNSET, FleetConfig.NONE, LintGate.OFF, file);
    }

    /** A configuration without {@code [codegen]} settings (the database commands need none). */
    public StrataConfig(DatabaseSettings database, MigrationSettings migrations, Optional<Path> file) {
        this(database, migrations, CodegenConfig.UNSET, file);
    }
}
