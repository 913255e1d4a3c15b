package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.cli.output.PlanText;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.fleet.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Optional;

@Command(name = "status",
        description = {
                "Show every migration with its state (listed below).",
                "",
                "Changes nothing, not even the history table. Problems are listed under the table; "
                        + "use `strata validate` when a pipeline step must fail on them."
        })
public final class StatusCommand extends DatabaseCommand {
    @Mixin
    TargetsOptions targets;


    StatusCommand(CliContext context) {
        super("status", context);
    }

    @Override
    public Integer call() {
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetCommand.STATUS);
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        PrintWriter out = context.out();
        try (DatabaseSession session = openSession(context)) {
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).plan();
            if (output.json()) {
                report.plan(plan).print(out, context.masker());
                return ExitCode.SUCCESS.code();
            }
            out.println("Database: " + session.description());
            out.println();
            if (plan.entries().isEmpty()) {
                out.println("No migrations found in " + session.locations() + ".");
            } else {
                PlanText.printTable(plan, out);
            }
            out.println();
            out.println(PlanText.summary(plan));
            PlanText.printProblems(plan.problems(), out);
            return ExitCode.SUCCESS.code();
        }
    }
}
