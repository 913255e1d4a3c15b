package dev.strata.spring.actuate;

import java.util.List;

/**
 * What the {@code strata} endpoint shows: the database, its history table and every migration with its state, as
 * {@code strata status} shows them, and how the database compares with the generated descriptor. Fields without a
 * value are null (absent from the JSON).
 *
 * @param currentVersion the newest applied version, null when none is
 * @param upToDate       no pending migration and no problem
 * @param problems       what {@code strata validate} would report (edited, missing, failed files…)
 * @param schema         the comparison with the generated descriptor; null when the application has none
 */
public record StrataReport(String database, String historyTable, List<String> locations, String currentVersion,
                           boolean upToDate, List<Migration> migrations, List<String> problems, Schema schema) {

    /** One migration: the file, its history row, or both. */
    public record Migration(String type, String version, String description, String script, String state,
                            String checksum, String installedOn, Integer executionTimeMs) {
    }

    /**
     * @param descriptor the generated class, e.g. {@code com.example.db.SchemaVersion}
     * @param matches    whether the database is exactly at its version
     * @param mismatch   the precise difference (behind, ahead, drifted, failed), null when it matches
     */
    public record Schema(String descriptor, String expectedVersion, boolean matches, String mismatch) {
    }
}
