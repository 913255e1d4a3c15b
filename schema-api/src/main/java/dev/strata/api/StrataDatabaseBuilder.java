package dev.strata.api;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.SchemaTable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link StrataDatabase}'s settings from code, on top of the defaults ({@link StrataDatabase#builder()}) or of a
 * configuration loaded from a file ({@link StrataDatabase#builder(Path)}). Each method sets one key of the
 * configuration reference and checks its value as the TOML loader does; a bad value is a
 * {@link ConfigurationException} naming the key, never a silently corrected one.
 *
 * <pre>{@code
 * try (StrataDatabase db = StrataDatabase.builder()
 *         .dataSource(applicationPool)               // or .url("postgresql://db.internal/app").user(…).password(…)
 *         .locations("classpath:db/migration")
 *         .autoMigrate(true)
 *         .build()) { … }
 * }</pre>
 */
public final class StrataDatabaseBuilder {
    /** The limits {@code ConfigLoader} applies to the same keys. */
    private static final String ORIGIN = "StrataDatabase.builder()";

    /** The loaded configuration: the keys this builder does not set ({@code migrations.lint}, …) are kept from it. */
    private final StrataConfig base;
    private DatabaseSettings database;
    private MigrationSettings migrations;
    private Optional<DataSource> dataSource = Optional.empty();
    private ClassLoader migrationsClassLoader = StrataDatabase.class.getClassLoader();

    StrataDatabaseBuilder(StrataConfig base) {
        Objects.requireNonNull(base, "base");
        this.base = base;
        this.database = base.database();
        this.migrations = base.migrations();
    }

    /** {@code database.url}: {@code postgresql://…}, {@code postgres://…} or {@code jdbc:postgresql://…}. */
    public StrataDatabaseBuilder url(String url) {
        database = database.withUrl(DatabaseUrl.parse(Objects.requireNonNull(url, "url"), ORIGIN + ".url(…)"));
        return this;
    }

    /** {@code database.user}, when the URL does not carry one. */
    public StrataDatabaseBuilder user(String user) {
        database = new DatabaseSettings(database.url(), Optional.of(user), database.password(), database.poolSize(),
                database.connectTimeout(), database.autoMigrate());
        return this;
    }

    /** {@code database.password}, when the URL does not carry one. Never shown. */
    public StrataDatabaseBuilder password(String password) {
        database = new DatabaseSettings(database.url(), database.user(), Optional.of(password), database.poolSize(),
                database.connectTimeout(), database.autoMigrate());
        return this;
    }

    /** {@code database.pool_size}, 1 to 1000; only for the pool {@link StrataDatabase} opens itself. */
    public StrataDatabaseBuilder poolSize(int poolSize) {
        if (poolSize < 1 || poolSize > DatabaseSettings.MAX_POOL_SIZE) {
            throw invalid(ConfigKey.DATABASE_POOL_SIZE, "poolSize(" + poolSize + ")",
                    "a number from 1 to " + DatabaseSettings.MAX_POOL_SIZE);
        }
        database = new DatabaseSettings(database.url(), database.user(), database.password(), poolSize,
                database.connectTimeout(), database.autoMigrate());
        return this;
    }

    /** {@code database.connect_timeout}, at least one second (PostgreSQL's driver counts whole seconds). */
    public StrataDatabaseBuilder connectTimeout(Duration timeout) {
        if (timeout.compareTo(DatabaseSettings.MIN_CONNECT_TIMEOUT) < 0) {
            throw invalid(ConfigKey.DATABASE_CONNECT_TIMEOUT, "connectTimeout(" + timeout + ")", "at least 1s");
        }
        database = new DatabaseSettings(database.url(), database.user(), database.password(), database.poolSize(),
                timeout, database.autoMigrate());
        return this;
    }

    /** {@code database.auto_migrate}: apply pending migrations before the first connection is handed out. */
    public StrataDatabaseBuilder autoMigrate(boolean autoMigrate) {
        database = new DatabaseSettings(database.url(), database.user(), database.password(), database.poolSize(),
                database.connectTimeout(), autoMigrate);
        return this;
    }

    /** {@code migrations.locations}: {@code classpath:<path>} or {@code filesystem:<dir>}, at least one. */
    public StrataDatabaseBuilder locations(String... locations) {
        if (locations.length == 0) {
            throw invalid(ConfigKey.MIGRATIONS_LOCATIONS, "locations()", "at least one location");
        }
        List<Location> parsed;
        try {
            parsed = Arrays.stream(locations).map(Location::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ORIGIN + ".locations(" + String.join(", ", locations) + ") sets "
                    + ConfigKey.MIGRATIONS_LOCATIONS.qualifiedName() + " to an invalid value: " + e.getMessage(),
                    "use classpath:<path> or filesystem:<dir>, e.g. classpath:db/migration", e);
        }
        migrations = migrations.withLocations(parsed);
        return this;
    }

    /** {@code migrations.schema} and {@code migrations.table}: where the history table is. */
    public StrataDatabaseBuilder historyTable(String schema, String table) {
        try {
            migrations = migrations.withHistoryTable(new SchemaTable(schema, table));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ORIGIN + ".historyTable(\"" + schema + "\", \"" + table + "\") is not"
                    + " valid: " + e.getMessage(), "use the names of your strata.toml [migrations] section", e);
        }
        return this;
    }

    /**
     * The application's own data source, used instead of a pool on {@code database.url} (which must then be unset);
     * {@link StrataDatabase#close()} leaves it open.
     */
    public StrataDatabaseBuilder dataSource(DataSource applicationDataSource) {
        this.dataSource = Optional.of(Objects.requireNonNull(applicationDataSource, "dataSource"));
        return this;
    }

    /** Where {@code classpath:} locations are looked up; by default the loader of the schema API. */
    public StrataDatabaseBuilder migrationsClassLoader(ClassLoader classLoader) {
        this.migrationsClassLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /** The configuration as set so far. */
    StrataConfig config() {
        return new StrataConfig(database, migrations, base.codegen(), base.drift(), base.fleet(), base.lintGate(),
                base.file());
    }

    /**
     * @throws ConfigurationException when neither or both of a URL and a data source are given
     * @throws dev.strata.migrations.core.StrataException from the engine when auto-migration fails
     * @throws dev.strata.migrations.DatabaseConnectionException when the pool cannot open its first connection
     */
    public StrataDatabase build() {
        return new StrataDatabase(config(), dataSource, migrationsClassLoader);
    }

    private static ConfigurationException invalid(ConfigKey key, String call, String expected) {
        return new ConfigurationException(ORIGIN + "." + call + " sets " + key.qualifiedName() + " out of range",
                key.qualifiedName() + " must be " + expected);
    }
}
