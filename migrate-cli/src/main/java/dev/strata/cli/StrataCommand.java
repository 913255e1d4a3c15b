package dev.strata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = StrataVersion.class,
        description = {
                "Versioned SQL migrations for PostgreSQL, for release pipelines.",
                "",
                "Configuration: --config FILE or $STRATA_CONFIG (TOML), overridden by STRATA_<SECTION>__<KEY> "
                        + "variables (e.g. STRATA_DATABASE__URL), overridden by --url. With no URL anywhere, "
                        + "an embedded PostgreSQL keeps its data in .strata/pgdata under the working directory."
        },
        subcommands = {MigrateCommand.class, PlanCommand.class, StatusCommand.class, ValidateCommand.class,
                BaselineCommand.class, RepairCommand.class, UndoCommand.class, DiffCommand.class, NewCommand.class,
                HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%n",
        footer = "Run `strata help <command>` for a command's options.")
final class StrataCommand implements Runnable {
    private final CliContext context;

    StrataCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** {@code strata} alone prints the usage. */
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(context.out());
    }
}
