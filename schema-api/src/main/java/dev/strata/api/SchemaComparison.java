package dev.strata.api;

import dev.strata.migrations.history.AppliedMigration;
import dev.strata.schema.SchemaVersion;

import java.util.List;

/**
 * How a database's history table compares with the migrations the generated code was made from.
 *
 * @param expectedVersion the newest version this build knows ({@link SchemaVersion#LATEST_VERSION})
 * @param pending         migrations this build knows that the database has not applied (the database is behind)
 * @param unknown         versions the database applied that this build does not know (the database is ahead)
 * @param drifted         versions applied from a file whose checksum differs from this build's file (edited)
 * @param failed          history rows recording a failed migration (the database needs repair)
 */
public record SchemaComparison(String expectedVersion, List<SchemaVersion.Migration> pending,
                               List<AppliedMigration> unknown, List<Drift> drifted, List<AppliedMigration> failed) {

    /** A migration whose recorded checksum is not the one of the file this build was generated from. */
    public record Drift(String version, String script, String recordedChecksum, String expectedChecksum) {
    }

    public SchemaComparison {
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
        drifted = List.copyOf(drifted);
        failed = List.copyOf(failed);
    }

    /** True when the database has applied exactly this build's migrations, unedited. */
    public boolean matches() {
        return pending.isEmpty() && unknown.isEmpty() && drifted.isEmpty() && failed.isEmpty();
    }
}
