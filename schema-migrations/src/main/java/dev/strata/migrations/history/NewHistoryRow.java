package dev.strata.migrations.history;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;

/**
 * The values Strata writes for one applied migration; rank, user and time are filled in by the database.
 *
 * @param version null for a repeatable migration
 * @param failure for a failed non-transactional migration: the last statement reached and its error; else null
 */
public record NewHistoryRow(Version version, String description, MigrationType type, String script, String checksum,
                            int executionMs, boolean success, String content, String failure) {

    public NewHistoryRow(Version version, String description, MigrationType type, String script, String checksum,
                         int executionMs, boolean success, String content) {
        this(version, description, type, script, checksum, executionMs, success, content, null);
    }
}
