package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.progress.ExecutionListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline",
        description = {
                "Adopt an existing database: record VERSION as applied without running the files up to it.",
                "",
                "Use it once, on a database whose schema already matches the migrations up to VERSION but that "
                        + "Strata has never migrated. Refused (exit 4) when the history already has rows. "
                        + "Later files are applied by `strata migrate`; status shows the older ones as "
                        + "'below baseline'."
        })
public final class BaselineCommand extends DatabaseCommand {

    BaselineCommand(CliContext context) {
        super("baseline", context);
    }

    @Option(names = "--version", required = true, paramLabel = "VERSION",
            description = "The version the existing schema is at, e.g. 12.")
    private String version;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "baseline",
            description = "Recorded with the baseline row (default: ${DEFAULT-VALUE}).")
    private String description;

    @Override
    public Integer call() {
        Version parsed = versionOption("--version", version);
        try (DatabaseSession session = openSession(context)) {
            HistoryRow row = session.migrator(ExecutionListener.NONE).baseline(parsed, description);
            renderer().baselined(session.description(), row);
            return ExitCode.SUCCESS.code();
        }
    }
}
