package dev.strata.migrations.config;

/**
 * A raw value with where it came from, so an error can say "lock_timeout = "soon" in strata.toml line 7" or
 * "STRATA_MIGRATIONS__LOCK_TIMEOUT".
 *
 * @param value  a String, Long, Boolean or List of Strings as the source gave it
 * @param origin e.g. {@code strata.toml:7} or {@code environment variable STRATA_DATABASE__URL}
 */
record ConfigValue(ConfigKey key, Object value, String origin) {
    String describe() {
        return key.qualifiedName() + " (from " + origin + ")";
    }
}
