package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.fleet.FleetRequest;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.fleet.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Optional;

@Command(name = "migrate",
        description = {
                "Apply every pending migration, each in its own transaction with its history row.",
                "",
                "Takes a PostgreSQL advisory lock first, so concurrent runs apply each file exactly once. "
                        + "Checks the whole plan before running anything: an edited, missing, future or "
                        + "out-of-order file stops the run with exit code 4 and nothing applied."
        })
public final class MigrateCommand extends DatabaseCommand {
    @Mixin
    TargetsOptions targets;

    @Mixin
    ScratchOptions scratch;


    MigrateCommand(CliContext context) {
        super("migrate", context);
    }

    @Override
    public Integer call() {
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets,
                FleetRequest.of(FleetCommand.MIGRATE).gatedOn(scratch));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        try (DatabaseSession session = openSession(context)) {
            PendingLintGate.check(session, scratch, context);
            Renderer renderer = renderer();
            MigrateResult result = session.migrator(renderer.migrating(session.description())).migrate();
            renderer.migrated(result);
            return ExitCode.SUCCESS.code();
        }
    }
}
