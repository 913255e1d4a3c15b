package dev.strata.cli;

import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.StrataConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --config} option, declared once: mixed into {@code strata new}, which reads the configuration but needs
 * no database, and inherited by {@link ConnectionOptions} for every database command.
 */
class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "TOML configuration file (default: the file named by $STRATA_CONFIG, else none).")
    Path config;

    StrataConfig load(Map<String, String> environment) {
        return load(environment, Optional.empty());
    }

    final StrataConfig load(Map<String, String> environment, Optional<String> urlOverride) {
        return ConfigLoader.load(Optional.ofNullable(config), environment, urlOverride);
    }
}
