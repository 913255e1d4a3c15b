package dev.strata.migrations.config;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.FailurePolicy;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.resolve.LocationEntry;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the configuration: defaults, then the TOML file ({@code --config}, {@code STRATA_CONFIG}, or the one the CLI
 * finds in the working directory), then {@code STRATA_<SECTION>__<KEY>} variables, then command-line options such as
 * {@code --url} and {@code --locations}; each later source beats the earlier ones.
 * Unknown keys and variables are errors, never ignored. The environment is passed in, not read here.
 */
public final class ConfigLoader {
    public static final String CONFIG_FILE_VARIABLE = "STRATA_CONFIG";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ConfigLoader() {
    }

    /** A TOML file to read, and what named it ({@code --config}, {@code STRATA_CONFIG}, the working directory). */
    public record ConfigFile(Path path, String namedBy) {
    }

    /** A value given on the command line, e.g. {@code --url} or {@code --locations}: it beats every other source. */
    public record CommandLineValue(ConfigKey key, Object value, String option) {
    }

    /**
     * @param file        the {@code --config} option, if given
     * @param environment the process environment (only {@code STRATA_*} entries matter)
     * @param urlOverride the {@code --url} option, if given
     */
    public static StrataConfig load(Optional<Path> file, Map<String, String> environment, Optional<String> urlOverride) {
        return load(configFile(file, environment), environment, urlOverride
                .map(url -> List.of(new CommandLineValue(ConfigKey.DATABASE_URL, url, "--url"))).orElse(List.of()));
    }

    /**
     * The file named by the {@code --config} option, else by {@code STRATA_CONFIG}. A set but empty
     * {@code STRATA_CONFIG} is an error, not "no file": it is what a script's unset variable expands to.
     */
    public static Optional<ConfigFile> configFile(Optional<Path> option, Map<String, String> environment) {
        if (option.isPresent()) {
            return Optional.of(new ConfigFile(option.get(), "--config"));
        }
        String variable = environment.get(CONFIG_FILE_VARIABLE);
        if (variable == null) {
            return Optional.empty();
        }
        if (variable.isBlank()) {
            throw new ConfigurationException(CONFIG_FILE_VARIABLE + " is set but empty",
                    "set it to the path of a TOML file, or unset it (unset " + CONFIG_FILE_VARIABLE + ")");
        }
        return Optional.of(new ConfigFile(Path.of(variable), CONFIG_FILE_VARIABLE));
    }

    /**
     * @param file        the TOML file to read, if any
     * @param environment the process environment (only {@code STRATA_*} entries matter)
     * @param commandLine values given as options, which beat the file and the environment
     */
    public static StrataConfig load(Optional<ConfigFile> file, Map<String, String> environment,
                                    List<CommandLineValue> commandLine) {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(value -> values.put(key, new ConfigValue(key, value, "the default")));
        }
        List<DeclaredTarget> targets = file.map(config -> {
            TomlParseResult toml = readFile(config.path(), config.namedBy(), values);
            return TargetsReader.read(toml, config.path(), environment);
        }).orElse(List.of());
        readEnvironment(environment, values);
        for (CommandLineValue option : commandLine) {
            values.put(option.key(), new ConfigValue(option.key(), option.value(), option.option()));
        }
        return new StrataConfig(database(values), migrations(values), codegen(values), drift(values),
                fleet(values, targets), lintGate(values.get(ConfigKey.MIGRATIONS_LINT)),
                file.map(ConfigFile::path));
    }

    private static TomlParseResult readFile(Path path, String namedBy, Map<ConfigKey, ConfigValue> values) {
        TomlParseResult toml = Toml.parse(readText(path, namedBy));
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().get(0);
            throw new ConfigurationException(path + ":" + error.position().line() + ":" + error.position().column()
                    + ": invalid TOML: " + error.getMessage(), "fix the syntax; see https://toml.io for the format");
        }
        for (String sectionName : toml.keySet()) {
            if (sectionName.equals(TargetKey.ARRAY)) {
                continue; // an array of tables, read by TargetsReader
            }
            ConfigKey.Section section = section(path, toml, sectionName);
            TomlTable table = toml.getTable(List.of(sectionName));
            for (String keyName : table.keySet()) {
                TomlPosition position = table.inputPositionOf(List.of(keyName));
                String origin = path + (position == null ? "" : ":" + position.line());
                ConfigKey key = ConfigKey.find(section, keyName).orElseThrow(() -> new ConfigurationException(
                        "unknown key '" + keyName + "' in [" + sectionName + "] at " + origin,
                        "known keys in [" + sectionName + "]: " + knownKeys(section)));
                values.put(key, new ConfigValue(key, plain(table.get(List.of(keyName))), origin));
            }
        }
        return toml;
    }

    /** The file's text; a UTF-8 byte order mark, which editors on Windows write, is not part of the TOML. */
    private static String readText(Path path, String namedBy) {
        String leaveOut = "leave out " + namedBy + " to use defaults and STRATA_* variables";
        if (Files.isDirectory(path)) {
            throw new ConfigurationException("configuration file " + path + " (named by " + namedBy
                    + ") is a directory, not a TOML file", "name the file inside it, e.g. "
                    + path.resolve("strata.toml") + ", or " + leaveOut);
        }
        if (!Files.exists(path)) {
            throw new ConfigurationException("configuration file " + path + " (named by " + namedBy + ") does not exist",
                    "check the path, or " + leaveOut);
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException("configuration file " + path + " (named by " + namedBy
                    + ") is not a regular file (it is a device, a pipe or a socket)", "name a TOML file, or " + leaveOut);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("configuration file " + path + " is not UTF-8 text",
                    "save it as UTF-8 (TOML files are UTF-8)", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file " + path + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    }

    private static ConfigKey.Section section(Path path, TomlParseResult toml, String name) {
        TomlPosition position = toml.inputPositionOf(List.of(name));
        String where = path + (position == null ? "" : ":" + position.line());
        if (!toml.isTable(List.of(name))) {
            throw new ConfigurationException("unknown top-level key '" + name + "' at " + where
                    + ": every setting belongs in one of the sections " + sectionNames(),
                    "move it under one of " + sectionNames());
        }
        for (ConfigKey.Section section : ConfigKey.Section.values()) {
            if (section.tomlName().equals(name)) {
                return section;
            }
        }
        throw new ConfigurationException("unknown section [" + name + "] at " + where,
                "the sections are " + sectionNames());
    }

    private static Object plain(Object tomlValue) {
        return tomlValue instanceof TomlArray array ? array.toList() : tomlValue;
    }

    /**
     * Whether {@code name} has a setting's shape ({@code STRATA_<SECTION>__<KEY>}): such a variable is read, and an
     * unknown one is refused here, so nothing else needs to judge it.
     */
    public static boolean namesASetting(String name) {
        return name.startsWith(ConfigKey.ENVIRONMENT_PREFIX) && name.contains("__");
    }

    private static void readEnvironment(Map<String, String> environment, Map<ConfigKey, ConfigValue> values) {
        // Sorted, so that with several unknown variables the error is always about the same one.
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!namesASetting(name)) {
                continue;
            }
            ConfigKey key = ConfigKey.forEnvironmentVariable(name).orElseThrow(() -> new ConfigurationException(
                    "unknown environment variable " + name + " (did you mean "
                            + ConfigKey.nearestEnvironmentVariable(name).environmentVariable() + "?)",
                    "known variables: " + knownVariables()));
            values.put(key, new ConfigValue(key, variable.getValue(), "environment variable " + name));
        }
    }

    private static DatabaseSettings database(Map<ConfigKey, ConfigValue> values) {
        Optional<DatabaseUrl> url = optional(values, ConfigKey.DATABASE_URL)
                .map(value -> DatabaseUrl.parse(ValueParser.string(value), value.origin()));
        ConfigValue poolSizeValue = values.get(ConfigKey.DATABASE_POOL_SIZE);
        long poolSize = ValueParser.integer(poolSizeValue);
        if (poolSize < 1 || poolSize > DatabaseSettings.MAX_POOL_SIZE) {
            throw ValueParser.invalid(poolSizeValue, "is " + poolSize,
                    "a number from 1 to " + DatabaseSettings.MAX_POOL_SIZE);
        }
        ConfigValue connectTimeoutValue = values.get(ConfigKey.DATABASE_CONNECT_TIMEOUT);
        Duration connectTimeout = ValueParser.duration(connectTimeoutValue);
        if (connectTimeout.compareTo(DatabaseSettings.MIN_CONNECT_TIMEOUT) < 0) {
            throw ValueParser.invalid(connectTimeoutValue, "is " + connectTimeout.toMillis() + " ms",
                    "at least 1s (PostgreSQL's driver counts whole seconds)");
        }
        return new DatabaseSettings(url,
                optional(values, ConfigKey.DATABASE_USER).map(ValueParser::string),
                optional(values, ConfigKey.DATABASE_PASSWORD).map(ValueParser::string),
                (int) poolSize, connectTimeout,
                ValueParser.bool(values.get(ConfigKey.DATABASE_AUTO_MIGRATE)),
                ValueParser.bool(values.get(ConfigKey.DATABASE_EMBEDDED)));
    }

    private static MigrationSettings migrations(Map<ConfigKey, ConfigValue> values) {
        ConfigValue locationsValue = values.get(ConfigKey.MIGRATIONS_LOCATIONS);
        List<Location> locations = new ArrayList<>();
        Map<Object, String> seen = new HashMap<>();
        LocationLayouts layouts = LocationLayouts.uniform(layout(values.get(ConfigKey.MIGRATIONS_LAYOUT)));
        for (String text : ValueParser.list(locationsValue)) {
            Location location;
            try {
                LocationEntry entry = LocationEntry.parse(text);
                location = entry.location();
                if (entry.layout().isPresent()) {
                    layouts = layouts.with(location, entry.layout().get());
                }
            } catch (IllegalArgumentException e) {
                // Location's message already names the accepted forms, with examples.
                throw new ConfigurationException(locationsValue.describe() + " holds an " + e.getMessage(),
                        "fix locations in " + locationsValue.origin());
            }
            // Listed twice, a location's files would be resolved twice and each reported as its own duplicate.
            String earlier = seen.putIfAbsent(sameness(location), text);
            if (earlier != null) {
                throw new ConfigurationException(locationsValue.describe() + " lists the same location twice: '"
                        + earlier + "' and '" + text + "'", "remove one of them from locations in "
                        + locationsValue.origin());
            }
            locations.add(location);
        }
        ConfigValue schemaValue = values.get(ConfigKey.MIGRATIONS_SCHEMA);
        ConfigValue tableValue = values.get(ConfigKey.MIGRATIONS_TABLE);
        SchemaTable historyTable;
        try {
            historyTable = new SchemaTable(ValueParser.string(schemaValue), ValueParser.string(tableValue));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (from " + schemaValue.origin() + " / "
                    + tableValue.origin() + ")", "fix [migrations] schema / table");
        }
        return new MigrationSettings(locations, historyTable,
                ValueParser.duration(values.get(ConfigKey.MIGRATIONS_LOCK_TIMEOUT)),
                ValueParser.bool(values.get(ConfigKey.MIGRATIONS_OUT_OF_ORDER)),
                new StatementTimeouts(positiveDuration(values, ConfigKey.MIGRATIONS_STATEMENT_TIMEOUT),
                        positiveDuration(values, ConfigKey.MIGRATIONS_STATEMENT_LOCK_TIMEOUT)),
                ValueParser.bool(values.get(ConfigKey.MIGRATIONS_RECORD_CONTENT)),
                layouts,
                nonTransactional(values.get(ConfigKey.MIGRATIONS_NON_TRANSACTIONAL)),
                ValueParser.bool(values.get(ConfigKey.MIGRATIONS_ALLOW_NON_EMPTY)),
                ValueParser.bool(values.get(ConfigKey.MIGRATIONS_SKIP_GO_MIGRATIONS)));
    }

    private static Layout layout(ConfigValue value) {
        String text = ValueParser.string(value);
        return Layout.parse(text).orElseThrow(() -> ValueParser.invalid(value, "is '" + text + "'",
                "one of " + Layout.names()));
    }

    private static NonTransactionalFiles nonTransactional(ConfigValue value) {
        String text = ValueParser.string(value);
        return NonTransactionalFiles.parse(text).orElseThrow(() -> ValueParser.invalid(value, "is '" + text + "'",
                "\"layout\", \"directive\" or \"detect\""));
    }

    private static LintGate lintGate(ConfigValue value) {
        String text = ValueParser.string(value);
        return LintGate.parse(text).orElseThrow(() -> ValueParser.invalid(value, "is '" + text + "'",
                LintGate.names()));
    }

    /** Two spellings of one directory ({@code sql} and {@code ./sql/}) are the same location. */
    private static Object sameness(Location location) {
        return location instanceof Location.Filesystem filesystem
                ? filesystem.directory().toAbsolutePath().normalize() : location;
    }

    private static CodegenConfig codegen(Map<ConfigKey, ConfigValue> values) {
        return new CodegenConfig(optional(values, ConfigKey.CODEGEN_PACKAGE).map(ValueParser::string),
                ValueParser.string(values.get(ConfigKey.CODEGEN_OUTPUT)),
                ValueParser.list(values.get(ConfigKey.CODEGEN_SCHEMAS)),
                optional(values, ConfigKey.CODEGEN_INCLUDES).map(ValueParser::list).orElse(List.of()),
                optional(values, ConfigKey.CODEGEN_EXCLUDES).map(ValueParser::list).orElse(List.of()),
                optional(values, ConfigKey.CODEGEN_POSTGRES_VERSION).map(ValueParser::string));
    }

    private static DriftConfig drift(Map<ConfigKey, ConfigValue> values) {
        Optional<ConfigValue> exclude = optional(values, ConfigKey.DRIFT_EXCLUDE);
        return new DriftConfig(exclude.map(ValueParser::list).orElse(List.of()),
                exclude.map(ConfigValue::origin).orElse("the default"),
                ValueParser.bool(values.get(ConfigKey.DRIFT_EXCLUDE_TOOL_HISTORY)));
    }

    private static FleetConfig fleet(Map<ConfigKey, ConfigValue> values, List<DeclaredTarget> targets) {
        ConfigValue parallelValue = values.get(ConfigKey.FLEET_PARALLEL);
        long parallel = ValueParser.integer(parallelValue);
        if (parallel < 1 || parallel > FleetConfig.MAX_PARALLEL) {
            throw ValueParser.invalid(parallelValue, "is " + parallel, "a number from 1 to " + FleetConfig.MAX_PARALLEL);
        }
        ConfigValue onFailureValue = values.get(ConfigKey.FLEET_ON_FAILURE);
        String onFailure = ValueParser.string(onFailureValue);
        FailurePolicy policy = FailurePolicy.parse(onFailure).orElseThrow(() -> ValueParser.invalid(onFailureValue,
                "is '" + onFailure + "'", "\"continue\" or \"stop\""));
        Optional<String> schemas = optional(values, ConfigKey.FLEET_SCHEMAS).map(ValueParser::string);
        Optional<String> query = optional(values, ConfigKey.FLEET_QUERY).map(ValueParser::string);
        for (ConfigKey key : List.of(ConfigKey.FLEET_SCHEMAS, ConfigKey.FLEET_QUERY)) {
            Optional<ConfigValue> value = optional(values, key);
            if (value.isPresent() && ValueParser.string(value.get()).isBlank()) {
                throw ValueParser.invalid(value.get(), "is empty", "a pattern such as tenant_* (schemas) or a query"
                        + " such as select name, url from tenants (query); leave it out to discover nothing");
            }
        }
        return new FleetConfig(targets, schemas, query, (int) parallel, policy,
                ValueParser.bool(values.get(ConfigKey.FLEET_INCLUDE_PUBLIC)));
    }

    private static String sectionNames() {
        List<String> names = new ArrayList<>();
        for (ConfigKey.Section section : ConfigKey.Section.values()) {
            names.add("[" + section.tomlName() + "]");
        }
        return String.join(", ", names);
    }

    private static Optional<Duration> positiveDuration(Map<ConfigKey, ConfigValue> values, ConfigKey key) {
        Optional<ConfigValue> value = optional(values, key);
        Optional<Duration> duration = value.map(ValueParser::duration);
        if (duration.isPresent() && duration.get().isZero()) {
            // PostgreSQL reads 0 as "no limit"; unset here means "the server's setting", which is not the same.
            throw ValueParser.invalid(value.get(), "is 0", "a positive duration such as 5m; Strata does not take 0"
                    + " for \"no limit\": leave " + key.keyName() + " unset to keep the server's setting (which is no"
                    + " limit unless the server or role sets one)");
        }
        return duration;
    }

    private static Optional<ConfigValue> optional(Map<ConfigKey, ConfigValue> values, ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    private static String knownKeys(ConfigKey.Section section) {
        List<String> names = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (key.section() == section) {
                names.add(key.keyName());
            }
        }
        return String.join(", ", names);
    }

    private static String knownVariables() {
        List<String> names = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            names.add(key.environmentVariable());
        }
        return String.join(", ", names);
    }
}
