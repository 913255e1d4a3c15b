package dev.strata.cli.command;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader.CommandLineValue;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every database command takes, declared once and mixed into each: {@code --config} (inherited),
 * {@code --url}, {@code --locations}, {@code --classpath} and {@code --embedded}.
 */
public final class ConnectionOptions extends ConfigOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL, e.g. postgresql://user:pass@host:5432/db. Beats the file and "
                    + "STRATA_DATABASE__URL. Without any URL, an embedded PostgreSQL in .strata/pgdata is used "
                    + "(from a terminal, or with --embedded).")
    String url;

    @Option(names = "--locations", paramLabel = "LOCATION", split = ",",
            description = "Where the migration files are, replacing [migrations] locations: classpath:<path> or "
                    + "filesystem:<dir>, either with its own layout (filesystem:legacy?layout=goose); "
                    + "comma-separated or repeated. Each must hold at least one .sql file.")
    List<String> locations;

    @Option(names = "--classpath", paramLabel = "JAR", split = ",",
            description = "Jars or directories to read classpath: locations from, e.g. the application's own "
                    + "app.jar; comma-separated or repeated. Given, classpath: locations are read from these only.")
    public List<Path> classpath;

    @Option(names = "--embedded",
            description = "With no URL configured, use the embedded PostgreSQL in .strata/pgdata even when CI is "
                    + "set or stdin is not a terminal (as database.embedded = true does). An error when a URL is "
                    + "configured.")
    public boolean embedded;

    @Override
    List<CommandLineValue> commandLineValues() {
        List<CommandLineValue> values = new ArrayList<>();
        if (url != null) {
            values.add(new CommandLineValue(ConfigKey.DATABASE_URL, url, "--url"));
        }
        if (locations != null) {
            values.add(new CommandLineValue(ConfigKey.MIGRATIONS_LOCATIONS, List.copyOf(locations), "--locations"));
        }
        if (embedded) {
            values.add(new CommandLineValue(ConfigKey.DATABASE_EMBEDDED, true, "--embedded"));
        }
        return values;
    }
}
