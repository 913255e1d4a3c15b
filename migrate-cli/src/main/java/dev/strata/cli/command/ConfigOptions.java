package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.ConfigLoader.CommandLineValue;
import dev.strata.migrations.config.ConfigLoader.ConfigFile;
import dev.strata.migrations.config.StrataConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --config} option, declared once: mixed into {@code strata new}, which reads the configuration but needs
 * no database, and inherited by {@link ConnectionOptions} for every database command.
 */
public class ConfigOptions {
    /** The project file the CLI reads from the working directory when no other file is named. */
    public static final String PROJECT_FILE = "strata.toml";

    @Option(names = "--config", paramLabel = "FILE",
            description = "TOML configuration file (default: the file named by $STRATA_CONFIG, else " + PROJECT_FILE
                    + " in the working directory when there is one).")
    Path config;

    /** Reads the configuration, and says on stderr which file it came from once the file has been read. */
    public final StrataConfig load(CliContext context) {
        Optional<ConfigFile> file = configFile(context);
        StrataConfig config = ConfigLoader.load(file, context.environment(), commandLineValues());
        file.ifPresent(found -> {
            Path shown = found.path().startsWith(context.workingDirectory())
                    ? context.workingDirectory().relativize(found.path()) : found.path();
            context.err().println("Configuration: " + shown + " (" + found.namedBy() + ")");
            context.err().flush();
        });
        return config;
    }

    /** Values given as options, beating the file and the environment; {@code strata new} has none. */
    List<CommandLineValue> commandLineValues() {
        return List.of();
    }

    private Optional<ConfigFile> configFile(CliContext context) {
        return ConfigLoader.configFile(Optional.ofNullable(config), context.environment()).or(() -> {
            Path project = context.workingDirectory().resolve(PROJECT_FILE);
            return Files.exists(project)
                    ? Optional.of(new ConfigFile(project, "found in the working directory"))
                    : Optional.empty();
        });
    }
}
