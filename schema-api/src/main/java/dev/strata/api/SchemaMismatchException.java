package dev.strata.api;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.StrataException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The database's schema is not the one an application's generated code was made from: it is behind (pending
 * migrations), ahead (versions this build does not know), drifted (applied files edited since), or has a failed
 * migration. The message lists every case with versions and file names; {@link #comparison()} has the details.
 */
public final class SchemaMismatchException extends StrataException {
    private final transient SchemaComparison comparison;

    public SchemaMismatchException(String database, SchemaComparison comparison) {
        super(message(database, comparison), hint(comparison));
        this.comparison = comparison;
    }

    public SchemaComparison comparison() {
        return comparison;
    }

    private static String message(String database, SchemaComparison comparison) {
        StringBuilder text = new StringBuilder(database).append(" does not match this build's schema (version ")
                .append(comparison.expectedVersion()).append(", ").append(comparison.descriptor()).append("):");
        if (!comparison.pending().isEmpty()) {
            text.append("\n  behind: ").append(count(comparison.pending().size(), "migration")).append(" pending: ")
                    .append(join(comparison.pending(), SchemaMismatchException::describe));
        }
        if (!comparison.unknown().isEmpty()) {
            text.append("\n  ahead: ").append(count(comparison.unknown().size(), "version"))
                    .append(" unknown to this build: ")
                    .append(join(comparison.unknown(), SchemaMismatchException::describe));
        }
        if (!comparison.drifted().isEmpty()) {
            text.append("\n  drifted: ").append(count(comparison.drifted().size(), "file")).append(" edited after ")
                    .append(comparison.drifted().size() == 1 ? "it was" : "they were").append(" applied: ")
                    .append(join(comparison.drifted(), d -> d.version() + " (" + d.script() + "): checksum recorded "
                            + d.recordedChecksum() + " vs expected " + d.expectedChecksum()));
        }
        if (!comparison.failed().isEmpty()) {
            text.append("\n  failed: ").append(count(comparison.failed().size(), "migration"))
                    .append(" recorded as failed: ")
                    .append(join(comparison.failed(), SchemaMismatchException::describe));
        }
        return text.toString();
    }

    private static String describe(HistoryRow row) {
        return row.id() instanceof MigrationId.Versioned versioned ? versioned.version() + " (" + row.script() + ")"
                : row.script() + " (repeatable)";
    }

    private static String describe(SchemaMigration migration) {
        if (migration instanceof SchemaMigration.Versioned versioned) {
            return versioned.version() + " (" + versioned.script() + ")";
        }
        return migration.script() + " (repeatable, changed or new)";
    }

    private static String hint(SchemaComparison comparison) {
        List<String> hints = new ArrayList<>();
        if (!comparison.pending().isEmpty()) {
            hints.add("run `strata migrate` against this database (auto_migrate = true does it at start, for local"
                    + " and test databases only)");
        }
        if (!comparison.unknown().isEmpty()) {
            hints.add("deploy a build that contains the newer migrations, or check that the application uses the"
                    + " right database");
        }
        if (!comparison.drifted().isEmpty()) {
            hints.add("restore the applied files as they were (`strata validate` shows the changed lines) and put"
                    + " the change into a new migration");
        }
        if (!comparison.failed().isEmpty()) {
            hints.add("fix the failed migration's effects by hand, then remove its row from the history table");
        }
        return String.join("; ", hints);
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static <T> String join(List<T> items, Function<T, String> format) {
        return items.stream().map(format).collect(Collectors.joining(", "));
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}
