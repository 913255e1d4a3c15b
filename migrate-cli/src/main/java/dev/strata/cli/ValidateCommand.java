package dev.strata.cli;

import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.plan.MigrationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "validate",
        description = {
                "Check the migration files against the history without changing anything.",
                "",
                "Fails with exit code 4 on an edited, missing, future, out-of-order, failed, duplicate, "
                        + "misnamed, empty or non-UTF-8 file. Pending migrations are not a failure."
        })
final class ValidateCommand implements Callable<Integer>, JsonCapable {
    @ParentCommand
    private StrataCommand strata;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private OutputOptions output;

    private final JsonReport report = new JsonReport("validate");

    @Override
    public Optional<JsonReport> jsonReport() {
        return output.whenJson(report);
    }

    @Override
    public Integer call() {
        CliContext context = strata.context();
        PrintWriter out = context.out();
        try (DatabaseSession session = DatabaseSession.open(connection, context)) {
            report.database(session.description());
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).validate();
            if (output.json()) {
                report.plan(plan).print(out, context.masker());
                return ExitCode.SUCCESS.code();
            }
            out.println("Validated " + plan.entries().size() + " migrations against " + session.description()
                    + ": no problems, " + plan.pending().size() + " pending.");
            return ExitCode.SUCCESS.code();
        }
    }
}
