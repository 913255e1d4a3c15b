package dev.strata.migrations.core;

import java.util.Optional;

/**
 * One change {@code strata repair} makes to the history: record an edited file's current checksum, or remove a
 * failed row (of a versioned or a repeatable migration). Computed from the plan, so {@code repair} fixes exactly what
 * {@code validate} reports as fixable.
 *
 * @param file the edited file whose checksum is recorded; empty for a removed row
 */
public record RepairAction(Kind kind, int installedRank, MigrationId id, String script, String before,
                           String after, Optional<ResolvedMigration> file) {

    public enum Kind {
        REALIGNED_CHECKSUM, REMOVED_FAILED_ROW
    }

    /** A line for the report: what changed, from what to what. */
    public String describe() {
        return switch (kind) {
            case REALIGNED_CHECKSUM -> script + " (" + id.describe() + "): recorded checksum "
                    + abbreviate(before) + " replaced by the file's " + abbreviate(after);
            case REMOVED_FAILED_ROW -> script + " (" + id.describe() + "): removed failed history row "
                    + installedRank;
        };
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 19 ? checksum.substring(0, 19) + "…" : checksum;
    }
}
