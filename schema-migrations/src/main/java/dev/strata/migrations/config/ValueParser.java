package dev.strata.migrations.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts a raw value to its key's type, with an error naming the key, its origin and the expected form. */
final class ValueParser {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private ValueParser() {
    }

    static String string(ConfigValue value) {
        if (value.value() instanceof String text) {
            if (text.isBlank()) {
                throw invalid(value, "is empty", "a non-empty string");
            }
            return text.strip();
        }
        throw invalid(value, "is " + typeName(value.value()), "a string");
    }

    static long integer(ConfigValue value) {
        if (value.value() instanceof Long number) {
            return number;
        }
        if (value.value() instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(text.strip());
        }
        throw invalid(value, "is " + shown(value), "a whole number");
    }

    static boolean bool(ConfigValue value) {
        if (value.value() instanceof Boolean flag) {
            return flag;
        }
        if (value.value() instanceof String text) {
            String normalised = text.strip().toLowerCase(Locale.ROOT);
            if (normalised.equals("true") || normalised.equals("false")) {
                return Boolean.parseBoolean(normalised);
            }
        }
        throw invalid(value, "is " + shown(value), "true or false");
    }

    /** A number of seconds, or a number with a unit: ms, s, m or h. */
    static Duration duration(ConfigValue value) {
        if (value.value() instanceof Long seconds) {
            if (seconds < 0) {
                throw invalid(value, "is negative", "a duration such as 30s, 500ms or 2m");
            }
            return Duration.ofSeconds(seconds);
        }
        if (value.value() instanceof String text) {
            Matcher matcher = DURATION.matcher(text.strip());
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "s" : matcher.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
        }
        throw invalid(value, "is " + shown(value), "a duration such as 30s, 500ms or 2m (a bare number means seconds)");
    }

    /** A TOML array of strings, a single string, or (from the environment) a comma-separated string. */
    static List<String> list(ConfigValue value) {
        List<String> items = new ArrayList<>();
        if (value.value() instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        } else if (value.value() instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String text) || text.isBlank()) {
                    throw invalid(value, "holds " + typeName(item), "an array of non-empty strings");
                }
                items.add(text.strip());
            }
        } else {
            throw invalid(value, "is " + typeName(value.value()), "an array of strings");
        }
        if (items.isEmpty()) {
            throw invalid(value, "is empty", "at least one entry");
        }
        return items;
    }

    static ConfigurationException invalid(ConfigValue value, String problem, String expected) {
        return new ConfigurationException(value.describe() + " " + problem + ": expected " + expected,
                "fix " + value.key().keyName() + " in " + value.origin());
    }

    private static String shown(ConfigValue value) {
        if (value.key().type() == ConfigKey.ValueType.SECRET) {
            return "not valid";
        }
        return value.value() instanceof String text ? "'" + text + "'" : String.valueOf(value.value());
    }

    private static String typeName(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long || value instanceof Double) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return value == null ? "missing" : "a " + value.getClass().getSimpleName().replace("Toml", "").toLowerCase(Locale.ROOT);
    }
}
