package dev.strata.migrations.adopt;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of Flyway's {@code flyway_schema_history}, as Flyway wrote it.
 *
 * @param version  empty for a repeatable migration ({@code R__…}); Flyway's text, e.g. {@code 1.1}
 * @param type     Flyway's type: {@code SQL}, {@code BASELINE}, {@code SCHEMA}, {@code DELETE}, {@code JDBC}, …
 * @param script   the script name Flyway recorded, relative to its location (may contain a directory)
 * @param checksum Flyway's CRC32; empty for rows without a script (baseline, schema creation)
 */
public record FlywayRow(int installedRank, Optional<String> version, String description, String type, String script,
                        Optional<Integer> checksum, String installedBy, OffsetDateTime installedOn,
                        int executionTime, boolean success) {
    public FlywayRow {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(installedBy, "installedBy");
        Objects.requireNonNull(installedOn, "installedOn");
    }

    /** The file name without the directory Flyway may have recorded with it. */
    public String fileName() {
        int slash = Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\'));
        return script.substring(slash + 1);
    }

    /** How messages name the row: {@code row 3 (V3__add_orders.sql, version 3)}. */
    public String describe() {
        return "row " + installedRank + " (" + script + version.map(v -> ", version " + v).orElse(", repeatable") + ")";
    }
}
