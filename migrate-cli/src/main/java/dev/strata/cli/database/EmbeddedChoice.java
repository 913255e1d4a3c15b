package dev.strata.cli.database;

import dev.strata.cli.CliContext;
import dev.strata.cli.command.ConfigOptions;
import dev.strata.cli.command.ConnectionOptions;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;

import java.util.Optional;

/**
 * Whether the embedded server may stand in for a database when no URL is configured. From a terminal, outside CI,
 * that is what a user trying Strata wants; in a pipeline or a script it is more likely a mistyped or unset variable,
 * and migrating a throwaway database there would report success for work not done. So there it needs
 * {@code --embedded} or {@code database.embedded = true}.
 */
final class EmbeddedChoice {
    static final String CI_VARIABLE = "CI";

    private EmbeddedChoice() {
    }

    static void check(ConnectionOptions options, StrataConfig config, CliContext context) {
        boolean hasUrl = config.database().url().isPresent();
        if (options.embedded && hasUrl) {
            throw new ConfigurationException("--embedded asks for the embedded PostgreSQL, but a database URL is "
                    + "configured (" + config.database().url().get() + ")",
                    "leave out --embedded to migrate that database, or unset the URL to use the embedded one");
        }
        if (hasUrl || config.database().embedded()) {
            return;
        }
        refusal(context).ifPresent(reason -> {
            throw new ConfigurationException("no database URL is configured, and " + reason
                    + ": refusing to fall back to the embedded PostgreSQL in " + EmbeddedDatabase.DIRECTORY
                    + "/pgdata, which is probably not the database you meant",
                    "set " + ConfigKey.DATABASE_URL.environmentVariable() + " (or --url, or url in [database] of "
                            + ConfigOptions.PROJECT_FILE + "); to use the embedded PostgreSQL on purpose, pass "
                            + "--embedded or set " + ConfigKey.DATABASE_EMBEDDED.keyName() + " = true in [database]");
        });
    }

    private static Optional<String> refusal(CliContext context) {
        String ci = context.environment().get(CI_VARIABLE);
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            return Optional.of(CI_VARIABLE + " is set (a pipeline)");
        }
        if (!context.interactive()) {
            return Optional.of("stdin is not a terminal (a script or a pipeline)");
        }
        return Optional.empty();
    }
}
