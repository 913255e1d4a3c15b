package dev.strata.migrations.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [codegen]} section, as read: {@code strata generate} turns it into the generator's settings, which
 * validate the values (package name, patterns, version) and name the setting in their errors.
 *
 * @param packageName empty when unset (the command then needs {@code --package})
 */
public record CodegenConfig(Optional<String> packageName, String output, List<String> schemas, List<String> includes,
                            List<String> excludes, Optional<String> postgresVersion) {

    /** Every key at its default. */
    public static final CodegenConfig UNSET = new CodegenConfig(Optional.empty(),
            ConfigKey.CODEGEN_OUTPUT.defaultValue().orElseThrow(),
            List.of(ConfigKey.CODEGEN_SCHEMAS.defaultValue().orElseThrow()), List.of(), List.of(), Optional.empty());

    public CodegenConfig {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(output, "output");
        schemas = List.copyOf(schemas);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(postgresVersion, "postgresVersion");
    }
}
