package dev.strata.cli;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.fleet.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.Locale;

@Command(name = "migrate",
        description = {
                "Apply every pending migration, each in its own transaction with its history row.",
                "",
                "Takes a PostgreSQL advisory lock first, so concurrent runs apply each file exactly once. "
                        + "Checks the whole plan before running anything: an edited, missing, future or "
                        + "out-of-order file stops the run with exit code 4 and nothing applied."
        })
final class MigrateCommand extends DatabaseCommand {
    @Mixin
    TargetsOptions targets;

    @Mixin
    ScratchOptions scratch;


    MigrateCommand() {
        super("migrate");
    }

    @Override
    public Integer call() {
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetCommand.MIGRATE,
                Optional.of(scratch));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        CliContext context = strata.context();
        PrintWriter out = context.out();
        try (DatabaseSession session = openSession(context)) {
            PendingLintGate.check(session, scratch, context);
            if (output.json()) {
                MigrateResult result = session.migrator(report.appliedListener()).migrate();
                report.migrated(result).print(out, context.masker());
                return ExitCode.SUCCESS.code();
            }
            out.println("Migrating " + session.description());
            out.flush();
            MigrateResult result = session.migrator(new ProgressLines(out)).migrate();
            String version = SchemaVersionText.at(result.plan().target());
            if (result.nothingToDo()) {
                out.println("Schema is up to date " + version + ": no migration to apply.");
            } else {
                out.printf(Locale.ROOT, "Applied %s in %.2f s. Schema is now %s.%n",
                        Plural.of(result.applied().size(), "migration"), result.elapsed().toMillis() / 1000.0, version);
            }
            return ExitCode.SUCCESS.code();
        }
    }
}
