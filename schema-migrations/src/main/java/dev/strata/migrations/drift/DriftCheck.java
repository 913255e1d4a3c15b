package dev.strata.migrations.drift;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SkippedGoStep;
import dev.strata.migrations.execute.LockCheck;
import dev.strata.migrations.execute.MigrationExecutor;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.plan.PreparationCache;
import dev.strata.migrations.resolve.ResolvedMigrations;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a live database with the schema its migrations produce: reads the database's plan, replays into an empty
 * scratch database exactly the migrations the database has applied (so a database that is merely behind is not
 * drifted), reads both catalogs and compares them.
 *
 * <p>What counts as applied is the engine's own rule ({@link MigrationPlan}): a version's last history row decides,
 * so an undone version is not replayed; files at or below a baseline are replayed as the schema the baseline stands
 * for. The files run in the order the database applied them, by the engine's executor, with their directives. The
 * check refuses a plan with problems (edited, missing, failed, …), as {@code migrate} does: the files would not show
 * what the database applied.
 */
public final class DriftCheck {
    private final ConnectionSource live;
    private final ConnectionSource scratch;
    private final MigrationSettings settings;
    private final ClassLoader classLoader;
    private final DriftExclusions exclusions;
    private final Set<String> schemas;

    /** Resolves {@code classpath:} locations with this class's class loader, as {@link Migrator} does by default. */
    public DriftCheck(ConnectionSource live, ConnectionSource scratch, MigrationSettings settings) {
        this(live, scratch, settings, DriftCheck.class.getClassLoader());
    }

    /** Leaves out other tools' history tables, as {@code strata diff} does by default. */
    public DriftCheck(ConnectionSource live, ConnectionSource scratch, MigrationSettings settings,
                      ClassLoader classLoader) {
        this(live, scratch, settings, classLoader, DriftExclusions.toolHistoryTables());
    }

    /**
     * @param live     the database to check; only read
     * @param scratch  an empty database to replay the migrations into; the caller creates and drops it
     * @param settings where the migrations are and which history table the live database keeps
     * @param exclusions the objects left out of the comparison, on both sides
     */
    public DriftCheck(ConnectionSource live, ConnectionSource scratch, MigrationSettings settings,
                      ClassLoader classLoader, DriftExclusions exclusions) {
        this.live = Objects.requireNonNull(live, "live");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.exclusions = Objects.requireNonNull(exclusions, "exclusions");
        this.schemas = Set.of();
    }

    private DriftCheck(DriftCheck check, Set<String> schemas) {
        this.live = check.live;
        this.scratch = check.scratch;
        this.settings = check.settings;
        this.classLoader = check.classLoader;
        this.exclusions = check.exclusions;
        this.schemas = Set.copyOf(schemas);
    }

    /**
     * The same check comparing only these schemas of both databases (a tenant's schema among others': what the
     * others hold is not the tenant's drift).
     */
    public DriftCheck onlySchemas(Set<String> names) {
        return new DriftCheck(this, names);
    }

    /**
     * @throws ValidationFailedException when the live database's plan has problems (nothing is replayed)
     * @throws ReplayFailedException     when an applied migration fails on the scratch database
     * @throws DatabaseConnectionException when either database cannot be reached
     */
    public DriftReport run() {
        List<UnreplayedStep> skipped = new ArrayList<>();
        MigrationPlan plan = new Migrator(live, settings, classLoader, new ExecutionListener() {
            @Override
            public void skipped(SkippedGoStep step) {
                skipped.add(new UnreplayedStep(step.path(), step.version(), step.layout().configName()));
            }
        }).plan();
        if (plan.hasProblems()) {
            throw new ValidationFailedException(plan);
        }
        List<ResolvedMigration> replayed = appliedFiles(plan);
        replay(replayed);
        SnapshotScope scope = SnapshotScope.of(settings).onlySchemas(schemas);
        DriftExclusions.Filtered expected = exclusions.apply(snapshot(scratch, scope));
        DriftExclusions.Filtered actual = exclusions.apply(snapshot(live, scope));
        SchemaDiff diff = SchemaDiff.between(expected.kept(), actual.kept());
        return new DriftReport(plan, replayed, diff, excluded(expected, actual), skipped);
    }

    /** Per rule, what it left out of either database; a default rule only when it left something out. */
    private List<Excluded> excluded(DriftExclusions.Filtered expected, DriftExclusions.Filtered actual) {
        List<Excluded> excluded = new ArrayList<>();
        for (DriftExclusions.Rule rule : exclusions.rules()) {
            Set<ObjectKey> objects = new TreeSet<>(expected.matched().get(rule));
            objects.addAll(actual.matched().get(rule));
            if (!rule.byDefault() || !objects.isEmpty()) {
                excluded.add(new Excluded(rule.pattern().text(), rule.origin(), rule.byDefault(), List.copyOf(objects)));
            }
        }
        return excluded;
    }

    /**
     * The files behind the schema the database should have: those at or below its baseline in version order, then the
     * applied ones (versioned and repeatable) in the order their deciding history rows were written. A repeatable file
     * edited or deleted since it last ran is replayed as the history recorded it, which is what the database holds;
     * when the history kept no content for it, an edited file is replayed as it is now and a deleted one not at all.
     */
    private List<ResolvedMigration> appliedFiles(MigrationPlan plan) {
        List<PlanEntry> baselined = new ArrayList<>();
        List<PlanEntry> applied = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            MigrationState state = entry.state();
            if (state == MigrationState.BELOW_BASELINE || state == MigrationState.BASELINE) {
                if (entry.file().isPresent()) {
                    baselined.add(entry);
                }
            } else if (state == MigrationState.APPLIED && entry.file().isPresent()
                    || state == MigrationState.OUTDATED || state == MigrationState.REMOVED) {
                applied.add(entry);
            }
        }
        applied.sort(Comparator.comparingInt(DriftCheck::installedRank));
        List<ResolvedMigration> files = new ArrayList<>();
        baselined.forEach(entry -> files.add(entry.file().orElseThrow()));
        Map<Integer, Optional<String>> recorded = recordedContent(applied.stream()
                .filter(entry -> entry.state() != MigrationState.APPLIED).toList());
        for (PlanEntry entry : applied) {
            if (entry.state() == MigrationState.APPLIED) {
                files.add(entry.file().orElseThrow());
            } else {
                asRecorded(entry, recorded.get(installedRank(entry))).ifPresent(files::add);
            }
        }
        return files;
    }

    /** The rank of an applied, outdated or removed entry's row, which each of them has. */
    private static int installedRank(PlanEntry entry) {
        return entry.row().orElseThrow().installedRank();
    }

    /** The content the live history recorded for each entry's row, by installed rank; one connection, if any. */
    private Map<Integer, Optional<String>> recordedContent(List<PlanEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        HistoryTable history = new HistoryTable(settings.historyTable());
        Map<Integer, Optional<String>> contents = new HashMap<>();
        try (Connection connection = live.openInAutocommit()) {
            for (PlanEntry entry : entries) {
                int rank = installedRank(entry);
                contents.put(rank, history.readContent(connection, rank));
            }
        } catch (SQLException e) {
            throw translate(live, "reading the history of " + live.description(), e);
        }
        return contents;
    }

    private static Optional<ResolvedMigration> asRecorded(PlanEntry entry, Optional<String> content) {
        HistoryRow row = entry.row().orElseThrow();
        if (content.isEmpty()) {
            return entry.file();
        }
        return Optional.of(new ResolvedMigration(row.id(), row.description(), row.script(),
                "history row " + row.installedRank() + " (" + row.script() + " as last applied)", content.get(),
                Checksum.of(content.get())));
    }

    private void replay(List<ResolvedMigration> files) {
        if (files.isEmpty()) {
            return;
        }
        // The planner prepares the files (directives, statements) exactly as for migrate; on an empty history all are
        // pending, in version order, which is then put back into the live database's order.
        List<ResolvedMigration> versioned = files.stream()
                .filter(file -> file.id() instanceof MigrationId.Versioned).toList();
        List<ResolvedMigration> repeatable = files.stream()
                .filter(file -> file.id() instanceof MigrationId.Repeatable).toList();
        MigrationPlan scratchPlan = new Planner(true, new PreparationCache(settings.nonTransactional())).plan(
                new ResolvedMigrations(versioned, List.of(), List.of(), repeatable), List.of());
        if (scratchPlan.hasProblems()) {
            throw new ValidationFailedException(scratchPlan);
        }
        Map<String, PendingMigration> byScript = new HashMap<>();
        scratchPlan.pending().forEach(pending -> byScript.put(pending.migration().script(), pending));
        List<PendingMigration> ordered = files.stream().map(file -> byScript.get(file.script())).toList();
        HistoryTable history = new HistoryTable(settings.historyTable());
        try (Connection connection = scratch.openInAutocommit()) {
            history.createIfMissing(connection);
            new MigrationExecutor(history, settings.timeouts(), ExecutionListener.NONE).apply(connection, ordered, LockCheck.NONE);
        } catch (MigrationFailedException e) {
            throw new ReplayFailedException(scratch.description(), e);
        } catch (SQLException e) {
            throw translate(scratch, "replaying the migrations into " + scratch.description(), e);
        }
    }

    private static SchemaSnapshot snapshot(ConnectionSource source, SnapshotScope scope) {
        try (Connection connection = source.openInAutocommit()) {
            return SchemaSnapshot.read(connection, scope);
        } catch (SQLException e) {
            throw translate(source, "reading the catalog of " + source.description(), e);
        }
    }


    private static RuntimeException translate(ConnectionSource source, String action, SQLException e) {
        if (SqlStates.cannotConnect(e)) {
            return new DatabaseConnectionException(source.description(), e);
        }
        return new DatabaseOperationException(action, e);
    }
}
