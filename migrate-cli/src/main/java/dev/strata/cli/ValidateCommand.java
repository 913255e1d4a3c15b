package dev.strata.cli;

import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.plan.MigrationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "validate",
        description = {
                "Check the migration files against the history without changing anything.",
                "",
                "Fails with exit code 4 on an edited, missing, future, out-of-order, failed, duplicate, "
                        + "misnamed, empty or non-UTF-8 file. Pending migrations are not a failure."
        })
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    private StrataCommand strata;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() {
        CliContext context = strata.context();
        PrintWriter out = context.out();
        try (DatabaseSession session = DatabaseSession.open(connection, context)) {
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).validate();
            out.println("Validated " + plan.entries().size() + " migrations against " + session.description()
                    + ": no problems, " + plan.pending().size() + " pending.");
            return ExitCode.SUCCESS.code();
        }
    }
}
