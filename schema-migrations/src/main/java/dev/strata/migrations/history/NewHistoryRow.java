package dev.strata.migrations.history;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;

/** The values Strata writes for one applied migration; rank, user and time are filled in by the database. */
public record NewHistoryRow(Version version, String description, MigrationType type, String script, String checksum,
                            int executionMs, boolean success, String content) {
}
