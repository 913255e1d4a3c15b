package dev.strata.cli;

import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.plan.MigrationPlan;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "status",
        description = {
                "Show every migration with its state (listed below).",
                "",
                "Changes nothing, not even the history table. Problems are listed under the table; "
                        + "use `strata validate` when a pipeline step must fail on them."
        })
final class StatusCommand extends DatabaseCommand {

    StatusCommand() {
        super("status");
    }

    @Override
    public Integer call() {
        CliContext context = strata.context();
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
