package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.database.ScratchDatabase;
import dev.strata.cli.fleet.FleetRequest;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.Linter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;

@Command(name = "plan",
        description = {
                "Show what `migrate` would do, changing nothing (a dry run).",
                "",
                "Lists each pending file with its statements, numbered, each with its line in the file, and every "
                        + "problem. Exits 0 when migrate would succeed, otherwise with the code migrate would return "
                        + "(4 for problems). With --analyze, also replays the pending files on a scratch database (a "
                        + "temporary embedded PostgreSQL, or --scratch-url) and reports what each statement locks, "
                        + "rewrites and reads, as `strata lint` does (which has more options). With --targets, the "
                        + "plan of every target of the fleet: one row each (version, pending files, the version "
                        + "migrate would reach); see docs/fleet.md."
        })
public final class PlanCommand extends DatabaseCommand {
    @Option(names = "--analyze", description = "Also measure the pending files on a scratch database: the locks,"
            + " rewrites and full reads of each statement, and the lint rules' findings (see `strata lint`). Does not"
            + " change the exit code.")
    boolean analyze;

    @Mixin
    ScratchOptions scratch;

    @Mixin
    TargetsOptions targets;

    PlanCommand(CliContext context) {
        super("plan", context);
    }

    @Override
    public Integer call() {
        if (analyze && targets.active()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--analyze works on one database:"
                    + " leave out --targets, or run `strata plan --analyze` against one target's URL");
        }
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetRequest.of(FleetCommand.PLAN));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        try (DatabaseSession session = openSession(context)) {
            PendingLintGate.check(session, scratch, context);
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).plan();
            Renderer renderer = renderer();
            renderer.planRead(session.description(), plan);
            if (plan.hasProblems()) {
                throw new ValidationFailedException(plan);
            }
            Optional<LintReport> analysis = analyze && !plan.pending().isEmpty() ? Optional.of(analyze(session, context))
                    : Optional.empty();
            renderer.planned(plan, analysis);
            return ExitCode.SUCCESS.code();
        }
    }

    private LintReport analyze(DatabaseSession session, CliContext context) {
        try (ScratchDatabase replay = ScratchOptions.open(scratch.server(context), session.connectTimeout())) {
            return session.linter(replay.connectionSource()).run(Linter.Scope.PENDING, session.targetSizes());
        }
    }
}
