package dev.strata.migrations.history;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;

import java.util.OptionalInt;

/**
 * The values Strata writes for one applied migration; rank, user and time are filled in by the database.
 *
 * @param id          the version written, or for a repeatable migration none (its file name is the script)
 * @param executionMs as measured by the client; empty to have the server measure it, from the start of the
 *                    transaction to the insert (for a row sent in the same round trip as the migration itself)
 * @param failure     for a failed non-transactional migration: the last statement reached and its error; else null
 */
public record NewHistoryRow(MigrationId id, String description, MigrationType type, String script, String checksum,
                            OptionalInt executionMs, boolean success, String content, String failure) {

    public NewHistoryRow(MigrationId id, String description, MigrationType type, String script, String checksum,
                         int executionMs, boolean success, String content) {
        this(id, description, type, script, checksum, OptionalInt.of(executionMs), success, content, null);
    }
}
