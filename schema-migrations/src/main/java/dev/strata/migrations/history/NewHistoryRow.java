package dev.strata.migrations.history;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;

import java.util.OptionalInt;

/**
 * The values Strata writes for one applied migration; rank, user and time are filled in by the database.
 *
 * @param version     null for a repeatable migration
 * @param executionMs as measured by the client; empty to have the server measure it, from the start of the
 *                    transaction to the insert (for a row sent in the same round trip as the migration itself)
 * @param failure     for a failed non-transactional migration: the last statement reached and its error; else null
 */
public record NewHistoryRow(Version version, String description, MigrationType type, String script, String checksum,
                            OptionalInt executionMs, boolean success, String content, String failure) {

    public NewHistoryRow(Version version, String description, MigrationType type, String script, String checksum,
                         int executionMs, boolean success, String content) {
        this(version, description, type, script, checksum, OptionalInt.of(executionMs), success, content, null);
    }
}
