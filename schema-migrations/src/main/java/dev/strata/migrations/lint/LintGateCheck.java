package dev.strata.migrations.lint;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.execute.progress.ExecutionListener;

import java.util.Objects;

/**
 * {@code migrations.lint}: the one place that decides whether a command that applies (or checks) a database's pending
 * files lints them first, and whether the findings stop it. The CLI's validate, plan and migrate and a fleet's
 * migrate (each target on its own) call it and render the findings; the libraries ({@code auto_migrate}, the Spring
 * starter, schema-testing) call it through {@link LoggedLintGate}.
 */
public final class LintGateCheck {
    /** The gate turned off: nothing is linted. */
    public static final LintGateCheck OFF = new LintGateCheck(LintGate.OFF, () -> {
        throw new IllegalStateException("the lint gate is off");
    });

    private final LintGate gate;
    private final ScratchDatabases scratch;

    /** @param scratch where to replay; opened only when the gate is on and files are pending */
    public LintGateCheck(LintGate gate, ScratchDatabases scratch) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
    }

    /** This gate replaying in {@code schema} of each scratch database, for a tenant ({@link ScratchDatabases#inSchema}). */
    public LintGateCheck inSchema(String schema, String searchPath) {
        return gate == LintGate.OFF ? this : new LintGateCheck(gate, scratch.inSchema(schema, searchPath));
    }

    public LintGate gate() {
        return gate;
    }

    /**
     * The scratch databases of this gate for a run of many checks ({@link ScratchDatabases#shared()}): a fleet gets
     * them once, checks every target {@link #on} them, and closes them when its last target is done.
     */
    public ScratchDatabases.Shared sharedScratch() {
        return scratch.shared();
    }

    /** This gate replaying on {@code databases}, e.g. those of {@link #sharedScratch()}. */
    public LintGateCheck on(ScratchDatabases databases) {
        return gate == LintGate.OFF ? this : new LintGateCheck(gate, databases);
    }

    /**
     * Lints the pending files of {@code target} when the gate is on. A plan with problems, or with nothing pending,
     * is left to the command, which reports it as it always does.
     *
     * @param sizes the sizes the findings are weighed with, read from the target
     */
    public LintGateOutcome check(ConnectionSource target, MigrationSettings settings, ClassLoader classLoader,
                                 TargetSizes sizes) {
        return check(target, settings, classLoader, Linter.Scope.PENDING, sizes);
    }

    /**
     * As {@link #check(ConnectionSource, MigrationSettings, ClassLoader, TargetSizes)}, linting {@code scope}:
     * {@link Linter.Scope#ALL} judges each file as a release of its own, for a database built from nothing (a test
     * template), where the pending files as one release would find nothing that existed before.
     */
    public LintGateOutcome check(ConnectionSource target, MigrationSettings settings, ClassLoader classLoader,
                                 Linter.Scope scope, TargetSizes sizes) {
        if (gate == LintGate.OFF) {
            return new LintGateOutcome.NotLinted();
        }
        MigrationPlan plan = new Migrator(target, settings, classLoader, ExecutionListener.NONE).plan();
        if (plan.hasProblems() || plan.pending().isEmpty()) {
            return new LintGateOutcome.NotLinted();
        }
        try (ScratchDatabases.Scratch database = scratch.open()) {
            LintReport report = new Linter(target, database.connections(), settings, classLoader)
                    .run(scope, sizes);
            return new LintGateOutcome.Linted(gate, report, database.connections().description(),
                    gate == LintGate.ERROR && report.reaches(Severity.ERROR));
        }
    }
}
