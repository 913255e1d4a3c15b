package dev.strata.spring;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code strata.*} property of each engine key, derived from {@link ConfigKey}: {@code strata.<section>.<key>}
 * with dashes ({@code migrations.lock_timeout} is {@code strata.migrations.lock-timeout}), so a new key is a property
 * without a line here. The bound values go to the engine's {@link ConfigLoader}, which checks them as it checks
 * {@code strata.toml} (the origin it names is the Spring property): no setting's meaning is written twice.
 */
public final class StrataPropertyKeys {
    private static final String PREFIX = "strata.";

    /**
     * The keys an application does not set through Spring, each with the reason: every other key is a property.
     * (Keys added later are offered unless listed here.)
     */
    public static final Map<ConfigKey, String> NOT_OFFERED = notOffered();

    /**
     * The names the starter used before its names were derived, kept working: each sets the same key as its derived
     * name (setting both is refused). They are not extended: a new key has its derived name only.
     */
    public static final Map<ConfigKey, String> EARLIER_NAMES = earlierNames();

    private StrataPropertyKeys() {
    }

    /** {@code strata.<section>.<key-with-dashes>}, e.g. {@code strata.migrations.lock-timeout}. */
    public static String property(ConfigKey key) {
        return PREFIX + key.section().tomlName() + "." + key.keyName().replace('_', '-');
    }

    /** The keys with a property, in {@link ConfigKey}'s order. */
    public static List<ConfigKey> offered() {
        return Arrays.stream(ConfigKey.values()).filter(key -> !NOT_OFFERED.containsKey(key)).toList();
    }

    /** The derived name of {@code key}, then its earlier one, if any. */
    public static List<String> names(ConfigKey key) {
        return Optional.ofNullable(EARLIER_NAMES.get(key)).map(earlier -> List.of(property(key), earlier))
                .orElse(List.of(property(key)));
    }

    /**
     * The engine's configuration from the {@code strata.*} properties of {@code environment}: the keys of
     * {@link #NOT_OFFERED} keep their defaults.
     *
     * @throws ConfigurationException naming the property when a value is invalid, when a key is set under both
     *                                of its names, or when the property of a key {@link #NOT_OFFERED} is set
     */
    public static StrataConfig config(Environment environment) {
        Binder binder = Binder.get(environment);
        NOT_OFFERED.forEach((key, reason) -> binder.bind(property(key), bindable(key)).ifBound(value -> {
            throw new ConfigurationException("Spring property " + property(key) + " is set, but the starter does not"
                    + " read " + key.qualifiedName() + ": " + reason, "remove it from the application's properties");
        }));
        List<ConfigLoader.CommandLineValue> values = new ArrayList<>();
        for (ConfigKey key : offered()) {
            List<ConfigLoader.CommandLineValue> set = new ArrayList<>();
            for (String name : names(key)) {
                binder.bind(name, bindable(key)).ifBound(value -> set.add(new ConfigLoader.CommandLineValue(key,
                        engineValue(value), "Spring property " + name)));
            }
            if (set.size() > 1) {
                throw new ConfigurationException(key.qualifiedName() + " is set by two Spring properties, "
                        + property(key) + " and " + EARLIER_NAMES.get(key) + " (its earlier name)",
                        "keep one of them; " + property(key) + " is the name to use");
            }
            values.addAll(set);
        }
        return ConfigLoader.load(Optional.empty(), Map.of(), values);
    }

    /** Spring converts as it did for the typed properties: durations as 10s or PT2M, lists comma-separated. */
    private static Bindable<?> bindable(ConfigKey key) {
        return switch (key.type()) {
            case STRING, SECRET -> Bindable.of(String.class);
            case INTEGER -> Bindable.of(Long.class);
            case BOOLEAN -> Bindable.of(Boolean.class);
            case DURATION -> Bindable.of(Duration.class);
            case LIST -> Bindable.listOf(String.class);
        };
    }

    /** The engine reads a duration as "<n>ms"; a negative one is passed as written, for the engine's error. */
    private static Object engineValue(Object value) {
        if (value instanceof Duration duration) {
            return duration.isNegative() ? duration.toString() : duration.toMillis() + "ms";
        }
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }

    private static Map<ConfigKey, String> notOffered() {
        Map<ConfigKey, String> keys = new EnumMap<>(ConfigKey.class);
        String dataSource = "the starter migrates the application's DataSource (spring.datasource.*, or the bean"
                + " marked @StrataDataSource), which has its own URL, credentials, pool and timeouts";
        for (ConfigKey key : List.of(ConfigKey.DATABASE_URL, ConfigKey.DATABASE_USER, ConfigKey.DATABASE_PASSWORD,
                ConfigKey.DATABASE_POOL_SIZE, ConfigKey.DATABASE_CONNECT_TIMEOUT)) {
            keys.put(key, dataSource);
        }
        keys.put(ConfigKey.DATABASE_EMBEDDED, "the CLI's embedded server; an application has a DataSource");
        for (ConfigKey key : ConfigKey.values()) {
            String reason = switch (key.section()) {
                case CODEGEN -> "code generation runs at build time (the Maven plugin, strata generate)";
                case DRIFT -> "live drift is strata diff's, a command of the CLI";
                case FLEET -> "a fleet is migrated by strata migrate --targets, a command of the CLI";
                case DATABASE, MIGRATIONS -> null;
            };
            if (reason != null) {
                keys.put(key, reason);
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    private static Map<ConfigKey, String> earlierNames() {
        Map<ConfigKey, String> names = new EnumMap<>(ConfigKey.class);
        names.put(ConfigKey.DATABASE_AUTO_MIGRATE, "strata.migrate-at-start");
        names.put(ConfigKey.MIGRATIONS_LOCATIONS, "strata.locations");
        names.put(ConfigKey.MIGRATIONS_LAYOUT, "strata.layout");
        names.put(ConfigKey.MIGRATIONS_SCHEMA, "strata.history-schema");
        names.put(ConfigKey.MIGRATIONS_TABLE, "strata.history-table");
        names.put(ConfigKey.MIGRATIONS_LOCK_TIMEOUT, "strata.lock-timeout");
        names.put(ConfigKey.MIGRATIONS_OUT_OF_ORDER, "strata.out-of-order");
        names.put(ConfigKey.MIGRATIONS_STATEMENT_TIMEOUT, "strata.statement-timeout");
        names.put(ConfigKey.MIGRATIONS_STATEMENT_LOCK_TIMEOUT, "strata.statement-lock-timeout");
        names.put(ConfigKey.MIGRATIONS_RECORD_CONTENT, "strata.record-content");
        names.put(ConfigKey.MIGRATIONS_NON_TRANSACTIONAL, "strata.non-transactional");
        names.put(ConfigKey.MIGRATIONS_SKIP_GO_MIGRATIONS, "strata.skip-go-migrations");
        names.put(ConfigKey.MIGRATIONS_ALLOW_NON_EMPTY, "strata.allow-non-empty");
        return Collections.unmodifiableMap(names);
    }
}
