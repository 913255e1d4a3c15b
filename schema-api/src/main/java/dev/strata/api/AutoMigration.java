package dev.strata.api;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.LoggedLintGate;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lint.ServerScratchDatabases;
import dev.strata.migrations.lint.TargetSizes;

import java.util.Optional;

/**
 * {@code database.auto_migrate}: the pending migrations applied at start, after the {@code migrations.lint} gate
 * ({@link LoggedLintGate}, the step the Spring starter and schema-testing take too). The application has no embedded
 * server to lint on, so the gate creates its scratch databases on the server of {@code database.url} (the user needs
 * {@code CREATEDB}).
 */
final class AutoMigration {
    private AutoMigration() {
    }

    /** Empty when {@code auto_migrate} is off. */
    static Optional<MigrateResult> run(StrataConfig config, ConnectionSource connections, ClassLoader classLoader) {
        if (!config.database().autoMigrate()) {
            return Optional.empty();
        }
        new LoggedLintGate(config.lintGate(), () -> scratch(config)).apply(connections, config.migrations(),
                classLoader, Linter.Scope.PENDING, TargetSizes.of(connections));
        return Optional.of(new Migrator(connections, config.migrations(), classLoader, ExecutionListener.NONE)
                .migrate());
    }

    private static ScratchDatabases scratch(StrataConfig config) {
        String key = ConfigKey.MIGRATIONS_LINT.qualifiedName() + " = \"" + config.lintGate().label() + "\"";
        return new ServerScratchDatabases(config.database().url()
                .orElseThrow(() -> new ConfigurationException(key + " with " + ConfigKey.DATABASE_AUTO_MIGRATE
                        .qualifiedName() + " lints the pending migrations on a scratch database created on the server"
                        + " of " + ConfigKey.DATABASE_URL.qualifiedName() + ", and the application's DataSource"
                        + " names no server",
                        "give the schema API " + ConfigKey.DATABASE_URL.qualifiedName() + " instead of the DataSource,"
                                + " or set " + ConfigKey.MIGRATIONS_LINT.qualifiedName() + " = \"off\" for the"
                                + " application and lint where migrate runs in CI (strata lint, strata migrate)")),
                config.database());
    }
}
