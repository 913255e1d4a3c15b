package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.core.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;

@Command(name = "undo",
        description = {
                "Undo the newest applied migration, or with --to every applied migration newer than VERSION.",
                "",
                "Runs the undo file U<version>__<description>.sql of each version, newest first, each in its own "
                        + "transaction with a history row of type UNDO; the undone files are pending again. "
                        + "Refused (exit 4) before anything runs when an undo file is missing (each is named), "
                        + "when the plan has problems, or below a baseline. A failing undo file is rolled back "
                        + "(exit 1); the ones before it stay undone."
        })
public final class UndoCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "VERSION",
            description = "Undo every applied migration newer than VERSION (default: only the newest one).")
    private String to;

    UndoCommand(CliContext context) {
        super("undo", context);
    }

    @Override
    public Integer call() {
        Optional<Version> target = Optional.ofNullable(to).map(value -> versionOption("--to", value));
        try (DatabaseSession session = openSession(context)) {
            Renderer renderer = renderer();
            UndoResult result = session.migrator(renderer.undoing(session.description())).undo(target);
            renderer.undone(result);
            return ExitCode.SUCCESS.code();
        }
    }
}
