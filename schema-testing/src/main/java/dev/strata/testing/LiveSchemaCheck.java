package dev.strata.testing;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.drift.DriftCheck;
import dev.strata.migrations.drift.SchemaDiff;
import dev.strata.migrations.drift.SchemaSnapshot;
import dev.strata.migrations.drift.SnapshotScope;
import dev.strata.migrations.execute.progress.ExecutionListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Compares a live database's catalog with the schema its applied migrations produce, on a server that has (or gets)
 * the template for these settings.
 *
 * <ul>
 *   <li>When the database has applied every migration, in version order (the usual case in a test), the expected
 *   side is the template database's catalog, read once per template: no migration runs.</li>
 *   <li>Otherwise (behind, baselined, undone, applied out of order) the engine's {@link DriftCheck} replays exactly
 *   what the database's history says it applied into an empty scratch database, which is dropped afterwards; so a
 *   database that is merely behind its migrations is not drifted.</li>
 * </ul>
 */
final class LiveSchemaCheck {
    private final ServerTemplates templates;
    private final MigrationSettings settings;
    private final ClassLoader classLoader;

    LiveSchemaCheck(ServerTemplates templates, MigrationSettings settings, ClassLoader classLoader) {
        this.templates = templates;
        this.settings = settings;
        this.classLoader = classLoader;
    }

    /**
     * @throws ValidationFailedException when the database's history does not fit the files (edited, missing, failed)
     */
    SchemaDiff compare(ConnectionSource live) throws SQLException {
        MigrationPlan plan = new Migrator(live, settings, classLoader, ExecutionListener.NONE).plan();
        if (plan.hasProblems()) {
            throw new ValidationFailedException(plan);
        }
        if (!everyFileAppliedInVersionOrder(plan.entries())) {
            return replayIntoScratch(live);
        }
        SchemaSnapshot expected = templates.template(settings, classLoader).snapshot();
        try (Connection connection = live.open()) {
            return SchemaDiff.between(expected, SchemaSnapshot.read(connection, SnapshotScope.of(settings)));
        }
    }

    /**
     * The template ran every file once, in the engine's order (versioned files by version; files without a version,
     * i.e. repeatable ones, after them by name). A database whose history shows exactly that has the template's
     * schema; any other history (behind, baselined, undone, out of order, a repeatable file run before a later
     * version) is replayed as it happened.
     */
    static boolean everyFileAppliedInVersionOrder(List<PlanEntry> entries) {
        int previousRank = Integer.MIN_VALUE;
        for (PlanEntry entry : entries.stream().sorted(PlanEntry.ORDER).toList()) {
            Optional<HistoryRow> row = entry.row();
            if (entry.state() != MigrationState.APPLIED || entry.file().isEmpty() || row.isEmpty()
                    || row.get().installedRank() < previousRank) {
                return false;
            }
            previousRank = row.get().installedRank();
        }
        return !entries.isEmpty();
    }

    private SchemaDiff replayIntoScratch(ConnectionSource live) {
        PostgresServer server = templates.server();
        String scratch = DatabaseNames.scratch();
        server.createDatabase(scratch, Optional.empty());
        try {
            ConnectionSource scratchSource = ConnectionSource.of(server.dataSource(scratch),
                    "scratch database " + scratch + " on " + server);
            return new DriftCheck(live, scratchSource, settings, classLoader).run().diff();
        } finally {
            server.dropDatabase(scratch);
        }
    }
}
