package dev.strata.migrations.config;

import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code [[targets]]} array of a configuration file; every entry's mistakes are errors naming its line. */
final class TargetsReader {
    private TargetsReader() {
    }

    static List<DeclaredTarget> read(TomlParseResult toml, Path path, Map<String, String> environment) {
        if (!toml.contains(TargetKey.ARRAY)) {
            return List.of();
        }
        TomlPosition arrayPosition = toml.inputPositionOf(TargetKey.ARRAY);
        if (!toml.isArray(TargetKey.ARRAY)) {
            throw new ConfigurationException("'" + TargetKey.ARRAY + "' at " + where(path, arrayPosition)
                    + " is not an array of tables", "write each target as its own [[targets]] table");
        }
        TomlArray array = toml.getArray(TargetKey.ARRAY);
        List<DeclaredTarget> targets = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof TomlTable table)) {
                throw new ConfigurationException("entry " + (i + 1) + " of 'targets' at " + where(path, arrayPosition)
                        + " is not a table", "write each target as its own [[targets]] table");
            }
            DeclaredTarget target = target(table, path, i + 1, environment);
            String earlier = names.putIfAbsent(target.name(), target.origin());
            if (earlier != null) {
                throw new ConfigurationException("two targets are named '" + target.name() + "': at " + earlier
                        + " and at " + target.origin(), "give each [[targets]] entry a name of its own");
            }
            targets.add(target);
        }
        return List.copyOf(targets);
    }

    private static DeclaredTarget target(TomlTable table, Path path, int number, Map<String, String> environment) {
        String origin = path + " [[targets]] #" + number;
        for (String key : table.keySet()) {
            if (TargetKey.find(key).isEmpty()) {
                throw new ConfigurationException("unknown key '" + key + "' in " + origin + " at "
                        + where(path, table.inputPositionOf(key)), "known keys in [[targets]]: " + known());
            }
        }
        String name = string(table, TargetKey.NAME, path, origin).orElseThrow(() -> new ConfigurationException(
                origin + " has no name", "add name = \"…\" to it: every target needs a name"));
        if (name.isBlank()) {
            throw new ConfigurationException(origin + " has an empty name", "give it a name such as \"acme\"");
        }
        String named = origin + " ('" + name + "')";
        Optional<DatabaseUrl> url = string(table, TargetKey.URL, path, named)
                .map(raw -> DatabaseUrl.parse(raw, named));
        Optional<String> schema = string(table, TargetKey.SCHEMA, path, named);
        if (schema.isPresent() && schema.get().isBlank()) {
            throw new ConfigurationException(named + " has an empty schema", "name the tenant's schema, or leave"
                    + " schema out for a database of its own");
        }
        Optional<String> password = Optional.empty();
        Optional<String> variable = string(table, TargetKey.PASSWORD_VARIABLE, path, named);
        if (variable.isPresent()) {
            String value = environment.get(variable.get());
            if (value == null || value.isEmpty()) {
                throw new ConfigurationException(named + " takes its password from the environment variable "
                        + variable.get() + ", which is " + (value == null ? "not set" : "empty"),
                        "set " + variable.get() + " (from your secret store), or remove password_variable");
            }
            password = Optional.of(value);
        }
        return new DeclaredTarget(name, url, password, schema, where(path, table.inputPositionOf(TargetKey.NAME.keyName())));
    }

    private static Optional<String> string(TomlTable table, TargetKey key, Path path, String origin) {
        if (!table.contains(key.keyName())) {
            return Optional.empty();
        }
        Object value = table.get(key.keyName());
        if (!(value instanceof String text)) {
            throw new ConfigurationException(key.keyName() + " in " + origin + " at "
                    + where(path, table.inputPositionOf(key.keyName())) + " is not a string",
                    "write it in quotes, e.g. " + key.keyName() + " = \"…\"");
        }
        return Optional.of(text);
    }

    private static String where(Path path, TomlPosition position) {
        return path + (position == null ? "" : ":" + position.line());
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (TargetKey key : TargetKey.values()) {
            names.add(key.keyName());
        }
        return String.join(", ", names);
    }
}
