package dev.strata.migrations.lint;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ResolvedMigration;
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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code strata lint}: brings an empty scratch database to the state the target database is in (its applied files,
 * replayed as {@code strata diff} does), then replays the files to check with {@link LintReplay} and reviews the
 * measured facts with {@link LintReviewer}. The target is only read (its plan, and the sizes of the relations a
 * finding is about).
 */
public final class Linter {
    /** Which files to check. */
    public enum Scope {
        /** The target's pending files, as one release: a table created earlier in the run is new. */
        PENDING,
        /** Every file from an empty database, each as a release of its own. */
        ALL
    }

    private final ConnectionSource target;
    private final ConnectionSource scratch;
    private final MigrationSettings settings;
    private final ClassLoader classLoader;
    private final boolean style;

    /**
     * @param target  the database the migrations are for; read only
     * @param scratch an empty database to replay into; the caller creates and drops it
     */
    public Linter(ConnectionSource target, ConnectionSource scratch, MigrationSettings settings,
                  ClassLoader classLoader) {
        this.target = Objects.requireNonNull(target, "target");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.style = false;
    }

    private Linter(Linter linter, boolean style) {
        this.target = linter.target;
        this.scratch = linter.scratch;
        this.settings = linter.settings;
        this.classLoader = linter.classLoader;
        this.style = style;
    }

    /** This linter with the opt-in {@link StyleRules} too (it then reads every table's columns after each statement). */
    public Linter withStyleRules() {
        return new Linter(this, true);
    }

    /**
     * @throws ValidationFailedException   when the target's plan has problems (nothing is replayed)
     * @throws LintReplayFailedException   when a checked file fails on the scratch database
     * @throws LintInputException          for a malformed {@code -- strata:allow} line
     */
    public LintReport run(Scope scope, TargetSizes sizes) {
        MigrationPlan plan = checkedPlan();
        if (scope == Scope.ALL) {
            return replay(List.of(),
                    prepared(plan.entries().stream().filter(entry -> entry.file().isPresent()).toList()),
                    true, sizes);
        }
        return replay(prepared(plan.entries().stream()
                .filter(entry -> entry.file().isPresent() && isApplied(entry.state())).toList()), plan.pending(),
                        false, sizes);
    }

    /**
     * Lints the files named by {@code scripts} (their file names) as one release right after the target's applied
     * files, whatever their state there: a pull request's new file, not applied anywhere yet. A named file the
     * target has applied is left out of the files replayed before, so it runs on the state it was written for.
     *
     * @throws IllegalArgumentException when a name is not among the resolved files (the caller checks them first)
     */
    public LintReport runFiles(Set<String> scripts, TargetSizes sizes) {
        MigrationPlan plan = checkedPlan();
        List<PlanEntry> files = plan.entries().stream().filter(entry -> entry.file().isPresent()).toList();
        Set<String> known = files.stream().map(PlanEntry::script).collect(Collectors.toSet());
        scripts.stream().filter(script -> !known.contains(script)).findFirst().ifPresent(script -> {
            throw new IllegalArgumentException(script + " is not one of the resolved migrations");
        });
        List<PlanEntry> before = files.stream()
                .filter(entry -> isApplied(entry.state()) && !scripts.contains(entry.script())).toList();
        List<PlanEntry> checked = files.stream().filter(entry -> scripts.contains(entry.script())).toList();
        return replay(prepared(before), prepared(checked), false, sizes);
    }

    private MigrationPlan checkedPlan() {
        MigrationPlan plan = new Migrator(target, settings, classLoader, ExecutionListener.NONE).plan();
        if (plan.hasProblems()) {
            throw new ValidationFailedException(plan);
        }
        return plan;
    }

    private LintReport replay(List<PendingMigration> before, List<PendingMigration> checked, boolean eachFileAlone,
                              TargetSizes sizes) {
        List<FileFacts> facts;
        try (Connection connection = scratch.openInAutocommit()) {
            if (!before.isEmpty()) {
                HistoryTable history = new HistoryTable(settings.historyTable());
                history.createIfMissing(connection);
                new MigrationExecutor(history, settings.timeouts(), ExecutionListener.NONE)
                        .apply(connection, before, LockCheck.NONE);
            }
            facts = new LintReplay(settings.timeouts(), eachFileAlone, scratch.description(), style)
                    .replay(connection, checked);
        } catch (MigrationFailedException e) {
            throw new LintReplayFailedException(scratch.description(), e);
        } catch (SQLException e) {
            if (SqlStates.cannotConnect(e)) {
                throw new DatabaseConnectionException(scratch.description(), e);
            }
            throw new DatabaseOperationException("replaying the migrations into " + scratch.description(), e);
        }
        List<LintRule> rules = style ? java.util.stream.Stream.concat(LintRules.ALL.stream(), StyleRules.ALL.stream())
                .toList() : LintRules.ALL;
        return new LintReviewer(rules, sizes).review(facts);
    }

    private static boolean isApplied(MigrationState state) {
        return state == MigrationState.APPLIED || state == MigrationState.BELOW_BASELINE
                || state == MigrationState.BASELINE || state == MigrationState.OUTDATED;
    }

    /** The files prepared (directives, statements) as migrate prepares them, in migrate's order. */
    private List<PendingMigration> prepared(List<PlanEntry> entries) {
        List<ResolvedMigration> versioned = entries.stream().flatMap(entry -> entry.file().stream())
                .filter(file -> file.id() instanceof MigrationId.Versioned).toList();
        List<ResolvedMigration> repeatable = entries.stream().flatMap(entry -> entry.file().stream())
                .filter(file -> file.id() instanceof MigrationId.Repeatable).toList();
        MigrationPlan empty = new Planner(true, new PreparationCache(settings.nonTransactional()))
                .plan(new ResolvedMigrations(versioned, List.of(), List.of(), repeatable), List.of());
        if (empty.hasProblems()) {
            throw new ValidationFailedException(empty);
        }
        return empty.pending();
    }
}
