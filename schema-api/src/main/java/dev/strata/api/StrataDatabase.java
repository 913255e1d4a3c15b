package dev.strata.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.JdbcConnectionSource;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.execute.ExecutionListener;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An application's handle on its database, built from the same configuration the {@code strata} CLI reads
 * ({@code [database]} / {@code [migrations]}, {@code STRATA_*} variables): a HikariCP pool, a jOOQ
 * {@link DSLContext} for the generated {@code dev.strata.schema} classes, and, when {@code database.auto_migrate}
 * is true, the pending migrations applied before the pool is created, so no connection is ever handed out on a
 * schema older than the code.
 *
 * <p>Unlike the CLI it never starts an embedded server: a URL is required. Close it to close the pool. Its
 * {@link #toString()} and everything it logs show the URL with the password masked.
 */
public final class StrataDatabase implements AutoCloseable {
    private static final String POOL_NAME = "strata";

    private final StrataConfig config;
    private final DatabaseUrl url;
    private final Optional<MigrateResult> migration;
    private final HikariDataSource pool;
    private final DSLContext dsl;

    /**
     * @throws ConfigurationException when no database URL is configured
     * @throws dev.strata.migrations.core.StrataException from the engine when auto-migration fails
     * @throws DatabaseConnectionException when the pool cannot open its first connection
     */
    public StrataDatabase(StrataConfig config) {
        this(config, StrataDatabase.class.getClassLoader());
    }

    /** @param migrationsClassLoader where {@code classpath:} migration locations are looked up */
    public StrataDatabase(StrataConfig config, ClassLoader migrationsClassLoader) {
        this.config = Objects.requireNonNull(config, "config");
        DatabaseSettings settings = config.database();
        this.url = settings.url().orElseThrow(StrataDatabase::noUrl);
        this.migration = settings.autoMigrate()
                ? Optional.of(new Migrator(new JdbcConnectionSource(settings), config.migrations(),
                        migrationsClassLoader, ExecutionListener.NONE).migrate())
                : Optional.empty();
        this.pool = openPool(settings, url);
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withReturnAllOnUpdatableRecord(true));
    }

    /** Configuration from the environment only: {@code STRATA_CONFIG} (a TOML file) and {@code STRATA_*} variables. */
    public static StrataDatabase fromEnvironment() {
        return new StrataDatabase(ConfigLoader.load(Optional.empty(), System.getenv(), Optional.empty()));
    }

    /** Configuration from a TOML file, overridden by {@code STRATA_*} variables, as {@code strata --config}. */
    public static StrataDatabase fromFile(Path configFile) {
        return new StrataDatabase(ConfigLoader.load(Optional.of(configFile), System.getenv(), Optional.empty()));
    }

    /** The pool; connections come from it with the configured user, timeouts and driver properties. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * jOOQ on the pool, dialect {@link SQLDialect#POSTGRES}. {@code store()} of a generated record reads back every
     * column ({@code RETURNING *}), so values set by defaults and triggers (a job's {@code status},
     * {@code created_at}, {@code updated_at}) are in the record without a {@code refresh()}.
     */
    public DSLContext dsl() {
        return dsl;
    }

    public StrataConfig config() {
        return config;
    }

    /** What auto-migration did at start; empty when {@code auto_migrate} is false. */
    public Optional<MigrateResult> migration() {
        return migration;
    }

    /**
     * Checks that the database is at the schema of this build's generated code, using the configured history table.
     *
     * @throws SchemaMismatchException when it is behind, ahead or drifted
     */
    public void verifySchema() {
        SchemaComparison comparison = SchemaGuard.compare(pool, config.migrations().historyTable());
        if (!comparison.matches()) {
            throw new SchemaMismatchException(url.toString(), comparison);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        DatabaseSettings settings = config.database();
        return "StrataDatabase[url=" + url + ", poolSize=" + settings.poolSize() + ", connectTimeout="
                + settings.connectTimeout() + ", autoMigrate=" + settings.autoMigrate() + "]";
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

    private static ConfigurationException noUrl() {
        return new ConfigurationException("no database URL configured: the schema API needs "
                + ConfigKey.DATABASE_URL.qualifiedName() + " (or " + ConfigKey.DATABASE_URL.environmentVariable() + ")",
                "set url in the [database] section of the file named by " + ConfigLoader.CONFIG_FILE_VARIABLE
                        + ", or set " + ConfigKey.DATABASE_URL.environmentVariable()
                        + "; unlike the strata CLI, the schema API never starts an embedded server");
    }
}
