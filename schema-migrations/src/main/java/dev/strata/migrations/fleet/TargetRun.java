package dev.strata.migrations.fleet;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.adopt.AdoptionRefusedException;
import dev.strata.migrations.adopt.HistoryAdoption;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.lint.Finding;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintGateCheck;
import dev.strata.migrations.lint.LintGateOutcome;
import dev.strata.migrations.lint.Severity;
import dev.strata.migrations.lint.StatementReview;
import dev.strata.migrations.lint.TargetSizes;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One command on one target, turned into a {@link TargetResult}: the engine's exceptions become a failed outcome
 * (with the target's secrets masked) instead of ending the fleet run.
 */
final class TargetRun {
    private final Target target;
    private final ConnectionSource connections;
    private final MigrationSettings settings;
    private final ClassLoader classLoader;
    private final LintGateCheck lintGate;
    private final Interruption interruption = new Interruption();

    TargetRun(Target target, ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
              LintGateCheck lintGate) {
        this.target = target;
        this.connections = connections;
        this.settings = settingsFor(target, settings);
        this.classLoader = classLoader;
        this.lintGate = lintGate;
    }

    /** The fleet's settings for one target: a tenant's history table lives in the tenant's schema. */
    static MigrationSettings settingsFor(Target target, MigrationSettings settings) {
        return target.schema()
                .map(schema -> settings.withHistoryTable(new SchemaTable(schema, settings.historyTable().table())))
                .orElse(settings);
    }

    /** How the fleet stops this target's run from outside: its current file is rolled back or recorded. */
    Interruption interruption() {
        return interruption;
    }

    TargetResult run(FleetCommand command) {
        if (command == FleetCommand.DIFF || command == FleetCommand.ADOPT) {
            throw new IllegalArgumentException(command + " takes more than targets: use Fleet.diff or Fleet.adopt");
        }
        long started = System.nanoTime();
        List<AppliedFile> applied = Collections.synchronizedList(new ArrayList<>());
        Migrator migrator = migrator(applied);
        try {
            return switch (command) {
                case MIGRATE -> migrated(linted(migrator), started);
                case VALIDATE -> planned(migrator.validate(), started);
                case STATUS -> planned(migrator.plan(), started);
                case PLAN -> wouldApply(migrator.validate(), started);
                case DIFF, ADOPT -> throw new IllegalStateException("refused above");
            };
        } catch (RuntimeException e) {
            return failed(e, migrator, List.copyOf(applied), started);
        }
    }

    /**
     * Migrates after the {@code migrations.lint} gate, which lints this target's own pending files (each target has
     * its own history) on a scratch database of its own; a refusal fails the target before anything is applied.
     */
    private MigrateResult linted(Migrator migrator) {
        LintGateOutcome outcome = lintGate.check(connections, settings, classLoader, TargetSizes.of(connections));
        outcome.refusal().ifPresent(refusal -> {
            throw refusal;
        });
        return migrator.migrate();
    }

    /** The target compared with its applied files replayed into the fleet's scratch database; drift fails it. */
    TargetResult diff(DiffScratch scratch) {
        long started = System.nanoTime();
        try {
            DriftReport drift = scratch.check(target, connections, settings, classLoader);
            MigrationPlan plan = drift.plan();
            TargetOutcome outcome = drift.drifted()
                    ? new TargetOutcome.Failed(TargetOutcome.FailureKind.DRIFTED, mask("drifted from its migrations: "
                            + drift.diff().summary() + "\n" + drift.diff().describe()),
                            Optional.empty(), OptionalInt.empty(), Optional.empty())
                    : new TargetOutcome.Succeeded();
            return new TargetResult(target.name(), target.location(), plan.current(), plan.current(), 0,
                    plan.pending().size(), true, since(started), outcome);
        } catch (RuntimeException e) {
            return failed(e, migrator(List.of()), List.of(), started);
        }
    }

    /**
     * Another tool's history adopted into the target's Strata history ({@code filesApplied}: the rows recorded, or
     * that a dry run would record); a refusal fails the target with nothing recorded.
     */
    TargetResult adopt(FleetAdoption request) {
        long started = System.nanoTime();
        Migrator migrator = migrator(List.of());
        try {
            Optional<Version> before = migrator.plan().current();
            HistoryAdoption adoption = new HistoryAdoption(connections, settings, classLoader, request.tool(),
                    request.source(settings.historyTable()));
            AdoptionPlan plan = request.dryRun() ? adoption.plan() : adoption.adopt(request.acceptEdited());
            if (request.dryRun() && !plan.canAdopt(request.acceptEdited())) {
                throw AdoptionRefusedException.of(plan);
            }
            MigrationPlan after = migrator.plan();
            Optional<Version> to = request.dryRun()
                    ? plan.adoptions().stream().flatMap(adopted -> adopted.id().versionNumber().stream())
                            .reduce((a, b) -> a.compareTo(b) >= 0 ? a : b).or(() -> before)
                    : after.current();
            return new TargetResult(target.name(), target.location(), before, to, plan.adoptions().size(),
                    after.pending().size(), true, since(started), new TargetOutcome.Succeeded());
        } catch (RuntimeException e) {
            return failed(e, migrator, List.of(), started);
        }
    }

    /** The lock on the migration connection: one connection per target, so N targets run at once on N + 1. */
    private Migrator migrator(List<AppliedFile> applied) {
        return new Migrator(connections, settings, classLoader, new ExecutionListener() {
            @Override
            public void applied(AppliedFile run) {
                applied.add(run);
            }
        }, interruption).withLockSession(Migrator.LockSession.MIGRATION);
    }

    private TargetResult migrated(MigrateResult result, long started) {
        return new TargetResult(target.name(), target.location(), result.plan().current(), result.plan().target(),
                result.applied().size(), 0, true, since(started), new TargetOutcome.Succeeded());
    }

    private TargetResult planned(MigrationPlan plan, long started) {
        return new TargetResult(target.name(), target.location(), plan.current(), plan.current(), 0,
                plan.pending().size(), true, since(started), new TargetOutcome.Succeeded());
    }

    /** A planned target: {@code to} is the version migrate would bring it to. */
    private TargetResult wouldApply(MigrationPlan plan, long started) {
        return new TargetResult(target.name(), target.location(), plan.current(), plan.target(), 0,
                plan.pending().size(), true, since(started), new TargetOutcome.Succeeded());
    }

    /** A failed target, with where it stands now when its history can still be read. */
    private TargetResult failed(RuntimeException error, Migrator migrator, List<AppliedFile> applied, long started) {
        TargetOutcome.Failed outcome = outcome(error);
        Optional<MigrationPlan> after = error instanceof ValidationFailedException validation
                ? Optional.of(validation.plan()) : stateAfter(migrator, outcome.kind());
        Optional<Version> to = after.flatMap(MigrationPlan::current);
        Set<Version> thisRun = applied.stream().flatMap(file -> file.id().versionNumber().stream())
                .collect(Collectors.toSet());
        Optional<Version> from = after.flatMap(plan -> plan.entries().stream()
                .filter(entry -> entry.row().filter(HistoryRow::success).isPresent())
                .flatMap(entry -> entry.id().versionNumber().stream())
                .filter(version -> !thisRun.contains(version))
                .max(Version::compareTo));
        return new TargetResult(target.name(), target.location(), from, to, applied.size(),
                after.map(plan -> plan.pending().size()).orElse(0), after.isPresent(), since(started), outcome);
    }

    private static Optional<MigrationPlan> stateAfter(Migrator migrator, TargetOutcome.FailureKind kind) {
        if (kind == TargetOutcome.FailureKind.CANNOT_CONNECT || kind == TargetOutcome.FailureKind.HISTORY_UNREADABLE) {
            return Optional.empty();
        }
        try {
            return Optional.of(migrator.plan());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    TargetOutcome.Failed outcome(RuntimeException error) {
        String message = mask(error.getMessage() == null ? error.toString() : error.getMessage());
        if (error instanceof StrataException strata && !strata.hint().isEmpty()) {
            message = message + "\n  fix: " + mask(strata.hint());
        }
        if (error instanceof MigrationFailedException failed) {
            return new TargetOutcome.Failed(TargetOutcome.FailureKind.MIGRATION_FAILED, message,
                    Optional.of(failed.script()), OptionalInt.of(failed.failure().line()), failed.sqlState());
        }
        if (error instanceof LintFindingsException lint) {
            List<StatementReview> refused = refusedStatements(lint);
            return new TargetOutcome.Failed(TargetOutcome.FailureKind.VALIDATION_FAILED, message + refused.stream()
                    .flatMap(review -> errors(review).map(finding -> "\n  " + review.facts().script() + " line "
                            + review.facts().line() + ": " + finding.rule() + ": " + finding.message()))
                    .collect(Collectors.joining()), refused.stream().map(review -> review.facts().script()).findFirst(),
                    OptionalInt.empty(), Optional.empty());
        }
        if (error instanceof ValidationFailedException validation) {
            Optional<Problem> first = validation.problems().stream().findFirst();
            return new TargetOutcome.Failed(TargetOutcome.FailureKind.VALIDATION_FAILED, message,
                    first.map(Problem::script), OptionalInt.empty(), Optional.empty());
        }
        return new TargetOutcome.Failed(kind(error), message, Optional.empty(), OptionalInt.empty(), sqlState(error));
    }

    /** The statements with refused findings: a fleet prints no lint report per target, so its message lists them. */
    private static List<StatementReview> refusedStatements(LintFindingsException lint) {
        return lint.report().statements().stream().filter(review -> errors(review).findAny().isPresent()).toList();
    }

    private static Stream<Finding> errors(StatementReview review) {
        return review.findings().stream()
                .filter(finding -> finding.suppressed().isEmpty() && finding.severity() == Severity.ERROR);
    }

    private static TargetOutcome.FailureKind kind(RuntimeException error) {
        return error instanceof StrataException strata ? TargetOutcome.FailureKind.of(strata.kind())
                : TargetOutcome.FailureKind.UNEXPECTED;
    }

    private static Optional<String> sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** The message with every secret of the target replaced, however the driver or the server quoted it. */
    private String mask(String text) {
        String masked = DatabaseUrl.redact(text);
        for (String secret : target.secrets()) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "***");
            }
        }
        return masked;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
