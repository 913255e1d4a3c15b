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
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetRequest.of(FleetCommand.STATUS));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        try (DatabaseSession session = openSession(context)) {
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).plan();
            renderer().status(session.description(), session.locations(), plan);
            return ExitCode.SUCCESS.code();
        }
    }
}
