package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.execute.progress.ExecutionListener;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "repair",
        description = {
                "Realign the history with the files after an intended edit, and remove failed rows.",
                "",
                "Records the current checksum (and text) of every edited applied file, and deletes history rows of "
                        + "failed migrations, in one transaction, listing each change. Run it only when the edit "
                        + "was intended: the database is NOT changed to match the edited file."
        })
public final class RepairCommand extends DatabaseCommand {

    RepairCommand(CliContext context) {
        super("repair", context);
    }

    @Override
    public Integer call() {
        try (DatabaseSession session = openSession(context)) {
            List<RepairAction> actions = session.migrator(ExecutionListener.NONE).repair();
            renderer().repaired(session.description(), actions);
            return ExitCode.SUCCESS.code();
        }
    }
}
