package dev.strata.cli;

import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.StrataConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The options every database command takes; declared once and mixed into each command. */
final class ConnectionOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "TOML configuration file (default: the file named by $STRATA_CONFIG, else none).")
    Path config;

    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL, e.g. postgresql://user:pass@host:5432/db. Beats the file and "
                    + "STRATA_DATABASE__URL. Without any URL, an embedded PostgreSQL in .strata/pgdata is used.")
    String url;

    StrataConfig load(Map<String, String> environment) {
        return ConfigLoader.load(Optional.ofNullable(config), environment, Optional.ofNullable(url));
    }
}
