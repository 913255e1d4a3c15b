package dev.strata.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.JdbcConnectionSource;
import dev.strata.migrations.config.StrataConfig;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An application's handle on its database: a jOOQ {@link DSLContext} on a {@link DataSource} and, when
 * {@code database.auto_migrate} is true, the pending migrations applied before the first connection is handed out,
 * so no code ever runs on a schema older than itself.
 *
 * <p>The data source is either a HikariCP pool this class opens from {@code database.url} (and closes in
 * {@link #close()}), or the application's own {@code DataSource}
 * ({@link StrataDatabaseBuilder#dataSource(DataSource)}), which it uses but never closes. Settings come from the
 * same configuration the {@code strata} CLI reads ({@code [database]} / {@code [migrations]}, {@code STRATA_*}
 * variables: {@link #fromEnvironment()}, {@link #fromFile(Path)}), from code ({@link #builder()}), or from both
 * ({@link #builder(Path)}). The loaded configuration itself is the engine's internal value, so it never appears in
 * this API.
 *
 * <p>Unlike the CLI it never starts an embedded server. Its {@link #toString()} and everything it logs show the URL
 * with the password masked.
 */
public final class StrataDatabase implements AutoCloseable {
    private static final String POOL_NAME = "strata";

    private final StrataConfig config;
    private final String description;
    private final Optional<MigrateResult> migration;
    private final DataSource dataSource;
    /** Present when this object opened the pool, and so closes it. */
    private final Optional<HikariDataSource> ownedPool;
    private final DSLContext dsl;

    /** As {@link #fromFile(Path)} with {@code config} already loaded: a pool on {@code database.url}. */
    StrataDatabase(StrataConfig config) {
        this(config, Optional.empty(), StrataDatabase.class.getClassLoader());
    }

    /**
     * Opens a pool on {@code database.url}, or uses {@code external} when present.
     *
     * @param migrationsClassLoader where {@code classpath:} migration locations are looked up
     * @throws ConfigurationException when no database URL is configured
     * @throws dev.strata.migrations.core.StrataException from the engine when auto-migration fails
     * @throws DatabaseConnectionException when the pool cannot open its first connection
     */
    StrataDatabase(StrataConfig config, Optional<DataSource> external, ClassLoader migrationsClassLoader) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(migrationsClassLoader, "migrationsClassLoader");
        DatabaseSettings settings = config.database();
        if (external.isPresent()) {
            if (settings.url().isPresent()) {
                throw bothUrlAndDataSource(settings.url().get());
            }
            this.description = "the application's DataSource (" + external.get().getClass().getName() + ")";
            this.migration = AutoMigration.run(config, ConnectionSource.of(external.get(), description),
                    migrationsClassLoader);
            this.ownedPool = Optional.empty();
            this.dataSource = external.get();
        } else {
            DatabaseUrl url = settings.url().orElseThrow(StrataDatabase::noUrl);
            this.description = url.toString();
            this.migration = AutoMigration.run(config, new JdbcConnectionSource(settings), migrationsClassLoader);
            this.ownedPool = Optional.of(openPool(settings, url));
            this.dataSource = ownedPool.get();
        }
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withReturnAllOnUpdatableRecord(true));
    }

    /** Settings from code, starting from the defaults (see {@link StrataDatabaseBuilder}). */
    public static StrataDatabaseBuilder builder() {
        return new StrataDatabaseBuilder(ConfigLoader.load(Optional.empty(), Map.of(), Optional.empty()));
    }

    /**
     * Settings from code on top of a TOML file overridden by {@code STRATA_*} variables (loaded as by
     * {@link #fromFile(Path)}), e.g. {@code builder(path).autoMigrate(true).build()}.
     */
    public static StrataDatabaseBuilder builder(Path configFile) {
        return new StrataDatabaseBuilder(ConfigLoader.load(Optional.of(configFile), System.getenv(), Optional.empty()));
    }

    /** Configuration from the environment only: {@code STRATA_CONFIG} (a TOML file) and {@code STRATA_*} variables. */
    public static StrataDatabase fromEnvironment() {
        return new StrataDatabase(ConfigLoader.load(Optional.empty(), System.getenv(), Optional.empty()));
    }

    /** Configuration from a TOML file, overridden by {@code STRATA_*} variables, as {@code strata --config}. */
    public static StrataDatabase fromFile(Path configFile) {
        return new StrataDatabase(ConfigLoader.load(Optional.of(configFile), System.getenv(), Optional.empty()));
    }

    /**
     * The pool this object opened (connections with the configured user, timeouts and driver properties), or the
     * application's own data source it wraps.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * jOOQ on {@link #dataSource()}, dialect {@link SQLDialect#POSTGRES}. {@code store()} of a generated record reads back every
     * column ({@code RETURNING *}), so values set by defaults and triggers (a job's {@code status},
     * {@code created_at}, {@code updated_at}) are in the record without a {@code refresh()}.
     */
    public DSLContext dsl() {
        return dsl;
    }

    StrataConfig config() {
        return config;
    }

    /** What auto-migration did at start; empty when {@code auto_migrate} is false. */
    public Optional<MigrateResult> migration() {
        return migration;
    }

    /**
     * Checks that the database is at the schema {@code expected} lists (the generated {@code SchemaVersion.INSTANCE}
     * of the application's package), using the configured history table.
     *
     * @throws SchemaMismatchException when it is behind, ahead or drifted
     */
    public void verifySchema(SchemaDescriptor expected) {
        SchemaComparison comparison = SchemaGuard.compare(dataSource, expected, config.migrations().historyTable());
        if (!comparison.matches()) {
            throw new SchemaMismatchException(description, comparison);
        }
    }

    /** Closes the pool this object opened; a wrapped data source stays open (its owner closes it). */
    @Override
    public void close() {
        ownedPool.ifPresent(HikariDataSource::close);
    }

    @Override
    public String toString() {
        DatabaseSettings settings = config.database();
        String source = ownedPool.isPresent() ? "url=" + description + ", poolSize=" + settings.poolSize()
                + ", connectTimeout=" + settings.connectTimeout() : "dataSource=" + description;
        return "StrataDatabase[" + source + ", autoMigrate=" + settings.autoMigrate() + "]";
    }

    private static HikariDataSource openPool(DatabaseSettings settings, DatabaseUrl url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(POOL_NAME);
        hikari.setJdbcUrl(url.jdbcUrl());
        settings.effectiveUser().ifPresent(hikari::setUsername);
        // Credentials, timeouts and the application name travel as driver properties, as with the CLI.
        hikari.setDataSourceProperties(JdbcConnectionSource.driverProperties(settings));
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setConnectionTimeout(settings.connectTimeout().toMillis());
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw new DatabaseConnectionException(url.toString(), sql);
            }
            throw e;
        }
    }

    private static ConfigurationException bothUrlAndDataSource(DatabaseUrl url) {
        return new ConfigurationException("both a DataSource and " + ConfigKey.DATABASE_URL.qualifiedName() + " ("
                + url + ") are given: the schema API uses one or the other",
                "leave out " + ConfigKey.DATABASE_URL.qualifiedName() + " (and " + ConfigKey.DATABASE_URL.environmentVariable()
                        + ") when the application hands over its own DataSource, or do not pass the DataSource");
    }

    private static ConfigurationException noUrl() {
        return new ConfigurationException("no database URL configured: the schema API needs "
                + ConfigKey.DATABASE_URL.qualifiedName() + " (or " + ConfigKey.DATABASE_URL.environmentVariable() + ")",
                "set url in the [database] section of the file named by " + ConfigLoader.CONFIG_FILE_VARIABLE
                        + ", or set " + ConfigKey.DATABASE_URL.environmentVariable()
                        + ", or pass the application's DataSource (StrataDatabase.builder().dataSource(dataSource));"
                        + " unlike the strata CLI, the schema API never starts an embedded server");
    }
}
