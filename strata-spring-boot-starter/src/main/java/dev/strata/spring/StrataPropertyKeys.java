package dev.strata.spring;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which {@code strata.*} property sets which engine key. The engine's {@link ConfigLoader} turns the bound values into
 * {@link MigrationSettings}, with the checks and messages it applies to {@code strata.toml} (the origin it names is
 * the Spring property), so no setting's meaning is written twice.
 */
public final class StrataPropertyKeys {

    /** One property and the engine key it sets. */
    public record Mapping(String property, ConfigKey key, Function<StrataProperties, Object> value) {
    }

    /** The engine keys of {@code [migrations]} (and {@code auto_migrate}), each with its property. */
    public static final List<Mapping> MAPPINGS = List.of(
            new Mapping("strata.locations", ConfigKey.MIGRATIONS_LOCATIONS, StrataProperties::getLocations),
            new Mapping("strata.layout", ConfigKey.MIGRATIONS_LAYOUT, StrataProperties::getLayout),
            new Mapping("strata.history-schema", ConfigKey.MIGRATIONS_SCHEMA, StrataProperties::getHistorySchema),
            new Mapping("strata.history-table", ConfigKey.MIGRATIONS_TABLE, StrataProperties::getHistoryTable),
            new Mapping("strata.lock-timeout", ConfigKey.MIGRATIONS_LOCK_TIMEOUT, StrataProperties::getLockTimeout),
            new Mapping("strata.out-of-order", ConfigKey.MIGRATIONS_OUT_OF_ORDER, StrataProperties::isOutOfOrder),
            new Mapping("strata.statement-timeout", ConfigKey.MIGRATIONS_STATEMENT_TIMEOUT,
                    StrataProperties::getStatementTimeout),
            new Mapping("strata.statement-lock-timeout", ConfigKey.MIGRATIONS_STATEMENT_LOCK_TIMEOUT,
                    StrataProperties::getStatementLockTimeout),
            new Mapping("strata.record-content", ConfigKey.MIGRATIONS_RECORD_CONTENT,
                    StrataProperties::isRecordContent),
            new Mapping("strata.non-transactional", ConfigKey.MIGRATIONS_NON_TRANSACTIONAL,
                    StrataProperties::getNonTransactional),
            new Mapping("strata.skip-go-migrations", ConfigKey.MIGRATIONS_SKIP_GO_MIGRATIONS,
                    StrataProperties::isSkipGoMigrations),
            new Mapping("strata.allow-non-empty", ConfigKey.MIGRATIONS_ALLOW_NON_EMPTY,
                    StrataProperties::isAllowNonEmpty),
            new Mapping("strata.migrate-at-start", ConfigKey.DATABASE_AUTO_MIGRATE,
                    StrataProperties::isMigrateAtStart));

    private StrataPropertyKeys() {
    }

    /** The property that sets {@code key}, if any. */
    public static Optional<Mapping> forKey(ConfigKey key) {
        return MAPPINGS.stream().filter(mapping -> mapping.key() == key).findFirst();
    }

    /**
     * @throws dev.strata.migrations.config.ConfigurationException naming the property when a value is invalid
     */
    public static MigrationSettings migrationSettings(StrataProperties properties) {
        List<ConfigLoader.CommandLineValue> values = new ArrayList<>();
        for (Mapping mapping : MAPPINGS) {
            Object value = mapping.value().apply(properties);
            if (value != null) {
                values.add(new ConfigLoader.CommandLineValue(mapping.key(), engineValue(value),
                        "Spring property " + mapping.property()));
            }
        }
        return ConfigLoader.load(Optional.empty(), Map.of(), values).migrations();
    }

    /** Spring binds durations itself (10s, 2m, PT2M); the engine reads milliseconds as "<n>ms". */
    private static Object engineValue(Object value) {
        if (value instanceof Duration duration) {
            return duration.isNegative() ? duration.toString() : duration.toMillis() + "ms";
        }
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }
}
