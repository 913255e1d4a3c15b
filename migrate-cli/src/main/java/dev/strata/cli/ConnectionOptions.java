package dev.strata.cli;

import dev.strata.migrations.config.StrataConfig;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/** The options every database command takes: {@code --config} (inherited) and {@code --url}; mixed into each command. */
final class ConnectionOptions extends ConfigOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL, e.g. postgresql://user:pass@host:5432/db. Beats the file and "
                    + "STRATA_DATABASE__URL. Without any URL, an embedded PostgreSQL in .strata/pgdata is used.")
    String url;

    @Override
    StrataConfig load(Map<String, String> environment) {
        return load(environment, Optional.ofNullable(url));
    }
}
