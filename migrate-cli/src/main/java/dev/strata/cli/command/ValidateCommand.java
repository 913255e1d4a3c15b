package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.fleet.FleetRequest;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.fleet.FleetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Optional;

@Command(name = "validate",
        description = {
                "Check the migration files against the history without changing anything.",
                "",
                "Fails with exit code 4 on any problem (listed below). Pending migrations are not a failure."
        })
public final class ValidateCommand extends DatabaseCommand {
    @Mixin
    TargetsOptions targets;

    @Mixin
    ScratchOptions scratch;


    ValidateCommand(CliContext context) {
        super("validate", context);
    }

    @Override
    public Integer call() {
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetRequest.of(FleetCommand.VALIDATE));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        try (DatabaseSession session = openSession(context)) {
            PendingLintGate.check(session, scratch, context);
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).validate();
            renderer().validated(session.description(), plan);
            return ExitCode.SUCCESS.code();
        }
    }
}
