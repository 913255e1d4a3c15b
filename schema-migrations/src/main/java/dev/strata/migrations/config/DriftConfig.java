package dev.strata.migrations.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code [drift]} section, as read: {@code strata diff} turns the patterns into the drift check's exclusions,
 * which validate them and name this setting (and {@code origin}) in their errors.
 *
 * @param exclude            the {@code drift.exclude} patterns as written; empty when unset
 * @param excludeOrigin      where {@code drift.exclude} came from, e.g. {@code strata.toml:12}
 * @param excludeToolHistory whether other tools' history tables are left out ({@code drift.exclude_tool_history})
 */
public record DriftConfig(List<String> exclude, String excludeOrigin, boolean excludeToolHistory) {
    /** Every key at its default. */
    public static final DriftConfig UNSET = new DriftConfig(List.of(), "the default",
            Boolean.parseBoolean(ConfigKey.DRIFT_EXCLUDE_TOOL_HISTORY.defaultValue().orElseThrow()));

    public DriftConfig {
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(excludeOrigin, "excludeOrigin");
    }
}
