package dev.strata.spring;

import dev.strata.api.SchemaComparison;
import dev.strata.api.SchemaDescriptor;
import dev.strata.api.SchemaGuard;
import dev.strata.api.SchemaMismatchException;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.LoggedLintGate;
import dev.strata.migrations.lint.TargetSizes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Strata on the application's {@code DataSource}: the engine's settings from {@code strata.*}, and the generated
 * descriptor when there is one. The start-up initializer, the {@code strata} endpoint and the health indicator all
 * go through this bean.
 */
public class StrataMigrations {
    private final DataSource dataSource;
    private final MigrationSettings settings;
    private final Supplier<Optional<SchemaDescriptor>> descriptor;
    private final ClassLoader classLoader;
    private final LoggedLintGate lintGate;
    private volatile String description;
    private volatile Optional<SchemaDescriptor> found;

    /**
     * @param descriptor looked up on first use, so that a bad {@code strata.schema-version-class} fails the start
     *                   in the initializer, with the other start-up errors
     */
    public StrataMigrations(DataSource dataSource, MigrationSettings settings,
                            Supplier<Optional<SchemaDescriptor>> descriptor, ClassLoader classLoader) {
        this(dataSource, settings, descriptor, classLoader, LoggedLintGate.off());
    }

    /** @param lintGate {@code strata.migrations.lint}, applied before {@link #migrate()} */
    StrataMigrations(DataSource dataSource, MigrationSettings settings, Supplier<Optional<SchemaDescriptor>> descriptor,
                     ClassLoader classLoader, LoggedLintGate lintGate) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.lintGate = Objects.requireNonNull(lintGate, "lintGate");
    }

    public MigrationSettings settings() {
        return settings;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The generated descriptor verified against, if the application has one. */
    public Optional<SchemaDescriptor> descriptor() {
        Optional<SchemaDescriptor> known = found;
        if (known == null) {
            known = descriptor.get();
            found = known;
        }
        return known;
    }

    /**
     * Applies pending migrations under the engine's advisory lock, after the {@code strata.migrations.lint} gate
     * (the step schema-api's {@code auto_migrate} takes): {@code warn} logs each finding, {@code error} refuses
     * before anything is applied.
     *
     * @throws dev.strata.migrations.lint.LintFindingsException listing the findings when the gate refuses
     */
    public MigrateResult migrate() {
        ConnectionSource target = connections();
        lintGate.apply(target, settings, classLoader, Linter.Scope.PENDING, TargetSizes.of(target));
        return new Migrator(target, settings, classLoader, ExecutionListener.NONE).migrate();
    }

    /** Every migration's state, changing nothing. */
    public MigrationPlan plan() {
        return migrator().plan();
    }

    /** The history compared with the descriptor, if there is one. */
    public Optional<SchemaComparison> compare() {
        return descriptor().map(expected -> SchemaGuard.compare(dataSource, expected, settings.historyTable()));
    }

    /**
     * @throws SchemaMismatchException naming the database when it is behind, ahead, drifted or has a failed migration
     */
    public void verify(SchemaDescriptor expected) {
        SchemaComparison comparison = SchemaGuard.compare(dataSource, expected, settings.historyTable());
        if (!comparison.matches()) {
            throw new SchemaMismatchException(description(), comparison);
        }
    }

    /** The database for messages: its JDBC URL without a password, read from the first connection. */
    public String description() {
        String known = description;
        if (known == null) {
            known = describe(dataSource);
            description = known;
        }
        return known;
    }

    private Migrator migrator() {
        return new Migrator(connections(), settings, classLoader, ExecutionListener.NONE);
    }

    private ConnectionSource connections() {
        return ConnectionSource.of(dataSource, description());
    }

    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            return "the application's DataSource (" + DatabaseUrl.parse(url, "the DataSource's URL") + ")";
        } catch (SQLException | RuntimeException e) {
            return "the application's DataSource";
        }
    }

    @Override
    public String toString() {
        return "StrataMigrations[" + description() + ", " + settings.locations() + ", history "
                + settings.historyTable() + "]";
    }
}
