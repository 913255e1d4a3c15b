package dev.strata.migrations.plan;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses what {@code strata undo} runs: the newest applied version, or every applied version newer than
 * {@code --to}, newest first ("newest" by version, as {@link MigrationPlan#current()}). Everything that would stop
 * the run is checked here, before anything runs: every undo file needed must exist and be runnable, and no version to
 * undo may be the baseline.
 */
public final class UndoPlanner {
    private UndoPlanner() {
    }

    /**
     * @param plan     the current plan, without problems
     * @param resolved the files, with the undo files
     * @param to       undo every applied version newer than this one; empty to undo the newest applied version only
     * @throws UndoRefusedException naming every missing undo file, or when a baseline or {@code to} is in the way
     */
    public static UndoPlan plan(MigrationPlan plan, ResolvedMigrations resolved, Optional<Version> to) {
        return plan(plan, resolved, to, NonTransactionalFiles.DIRECTIVE);
    }

    /** As {@link #plan(MigrationPlan, ResolvedMigrations, Optional)}, reading undo files as {@code mode} says. */
    public static UndoPlan plan(MigrationPlan plan, ResolvedMigrations resolved, Optional<Version> to,
                                NonTransactionalFiles mode) {
        List<Applied> applied = plan.entries().stream()
                .flatMap(entry -> entry.id() instanceof MigrationId.Versioned versioned
                        ? Stream.of(new Applied(versioned.version(), entry)) : Stream.empty())
                .filter(entry -> entry.state() == MigrationState.APPLIED || entry.state() == MigrationState.BASELINE)
                .sorted(Comparator.comparing(Applied::version, plan.order()).reversed())
                .toList();
        List<Applied> targets = targets(applied, to, plan.order());
        for (Applied entry : targets) {
            if (entry.state() == MigrationState.BASELINE) {
                throw UndoRefusedException.baseline("version " + entry.version() + " is the baseline"
                        + to.map(version -> ", and undoing to version " + version + " would undo it").orElse(""));
            }
        }
        List<String> missing = new ArrayList<>();
        List<Preparation> preparations = new ArrayList<>();
        for (Applied entry : targets) {
            Optional<ResolvedMigration> undo = resolved.undoOf(entry.version());
            if (undo.isEmpty()) {
                missing.add(undoFileName(entry.entry().script()));
            } else {
                preparations.add(FilePreparer.prepare(undo.get(), mode));
            }
        }
        List<Problem> problems = preparations.stream().flatMap(preparation -> preparation.problems().stream())
                .toList();
        List<PendingMigration> steps = preparations.stream().flatMap(preparation -> preparation.ready().stream())
                .toList();
        if (!missing.isEmpty() || !problems.isEmpty()) {
            throw UndoRefusedException.unusableFiles(missing, problems.stream().map(Problem::message).toList());
        }
        Optional<Version> remaining = applied.stream().skip(targets.size()).map(Applied::version).findFirst();
        return new UndoPlan(steps, remaining);
    }

    /** An applied versioned migration, by its version. */
    private record Applied(Version version, PlanEntry entry) {
        MigrationState state() {
            return entry.state();
        }
    }

    private static List<Applied> targets(List<Applied> appliedNewestFirst, Optional<Version> to,
                                           VersionOrder order) {
        if (to.isEmpty()) {
            return appliedNewestFirst.stream().limit(1).toList();
        }
        Version limit = to.get();
        if (appliedNewestFirst.isEmpty()) {
            throw UndoRefusedException.notApplied("--to " + limit + ": no version is applied");
        }
        Version newest = appliedNewestFirst.get(0).version();
        if (order.isAfter(limit, newest)) {
            throw UndoRefusedException.notApplied("--to " + limit + " is newer than the newest applied version, "
                    + newest);
        }
        return appliedNewestFirst.stream().filter(entry -> order.isAfter(entry.version(), limit)).toList();
    }

    /** {@code V3__add_email.sql} is undone by {@code U3__add_email.sql}. */
    static String undoFileName(String script) {
        return script.startsWith("V") ? "U" + script.substring(1) : "U" + script;
    }
}
