package dev.strata.api;

import dev.strata.migrations.core.HistoryRow;

import java.util.List;
import java.util.Objects;

/**
 * How a database's history table compares with the migrations a {@link SchemaDescriptor} lists.
 *
 * @param descriptor      what the expected migrations come from, for messages: the descriptor's class name
 * @param expectedVersion the newest version the descriptor knows ({@link SchemaDescriptor#latestVersion()}), or
 *                        {@code (none)}
 * @param pending         migrations the descriptor lists that the database has not applied (the database is behind)
 * @param unknown         versions the database applied that the descriptor does not know (the database is ahead)
 * @param drifted         versions applied from a file whose checksum differs from the descriptor's (edited)
 * @param failed          history rows recording a failed migration (the database needs repair)
 */
public record SchemaComparison(String descriptor, String expectedVersion, List<SchemaMigration> pending,
                               List<HistoryRow> unknown, List<Drift> drifted, List<HistoryRow> failed) {

    /** A migration whose recorded checksum is not the one of the file the descriptor was generated from. */
    public record Drift(String version, String script, String recordedChecksum, String expectedChecksum) {
    }

    public SchemaComparison {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
        drifted = List.copyOf(drifted);
        failed = List.copyOf(failed);
    }

    /** True when the database has applied exactly the descriptor's migrations, unedited. */
    public boolean matches() {
        return pending.isEmpty() && unknown.isEmpty() && drifted.isEmpty() && failed.isEmpty();
    }
}
