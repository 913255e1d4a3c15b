package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.output.Plural;
import dev.strata.cli.output.ProgressLines;
import dev.strata.cli.output.SchemaVersionText;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.core.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
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
        PrintWriter out = context.out();
        try (DatabaseSession session = openSession(context)) {
            if (output.json()) {
                UndoResult result = session.migrator(report.undoneListener()).undo(target);
                report.undone(result).print(out, context.masker());
                return ExitCode.SUCCESS.code();
            }
            // The heading waits for the first undo file: a refused undo must not look as if it had started.
            UndoResult result = session.migrator(new ProgressLines(out,
                    Optional.of("Undoing in " + session.description()))).undo(target);
            String version = SchemaVersionText.at(result.current());
            if (result.nothingToDo()) {
                out.println("Nothing to undo: schema is " + version + ".");
            } else {
                out.printf(Locale.ROOT, "Undid %s in %.2f s. Schema is now %s.%n",
                        Plural.of(result.undone().size(), "migration"), result.elapsed().toMillis() / 1000.0, version);
            }
            return ExitCode.SUCCESS.code();
        }
    }
}
