package dev.strata.cli;

import dev.strata.cli.command.AdoptCommand;
import dev.strata.cli.command.BaselineCommand;
import dev.strata.cli.command.DiffCommand;
import dev.strata.cli.command.GenerateCommand;
import dev.strata.cli.command.LintCommand;
import dev.strata.cli.command.MigrateCommand;
import dev.strata.cli.command.NewCommand;
import dev.strata.cli.command.PlanCommand;
import dev.strata.cli.command.RepairCommand;
import dev.strata.cli.command.StatusCommand;
import dev.strata.cli.command.UndoCommand;
import dev.strata.cli.command.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;

@Command(name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = StrataVersion.class,
        description = {
                "Versioned SQL migrations for PostgreSQL, for release pipelines.",
                "",
                "Configuration: --config FILE, else $STRATA_CONFIG, else strata.toml in the working directory "
                        + "(TOML), overridden by STRATA_<SECTION>__<KEY> variables (e.g. STRATA_DATABASE__URL), "
                        + "overridden by options such as --url and --locations. With no URL anywhere, an embedded "
                        + "PostgreSQL keeps its data in .strata/pgdata under the working directory: from a terminal, "
                        + "or anywhere with --embedded or database.embedded = true."
        },
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%n",
        footer = "Run `strata help <command>` for a command's options.")
final class StrataCommand implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(MigrateCommand.class, PlanCommand.class,
            StatusCommand.class, ValidateCommand.class, BaselineCommand.class, AdoptCommand.class, RepairCommand.class, UndoCommand.class,
            DiffCommand.class, LintCommand.class, NewCommand.class, GenerateCommand.class, HelpCommand.class);

    private final CliContext context;
    @Spec
    private CommandSpec spec;

    StrataCommand(CliContext context) {
        this.context = context;
    }

    /**
     * Adds the subcommands to {@code strata}'s command line: only the one named by the first argument when there is
     * one, since picocli builds the model of every command it is given from its annotations, which costs a short
     * run like {@code strata migrate} about a tenth of a second for the nine it does not use; all of them otherwise
     * ({@code help}, usage, a mistyped name, an option before the name), so that picocli can list or suggest them.
     */
    static CommandLine withSubcommands(CommandLine strata, String[] args) {
        String first = args.length == 0 ? "" : args[0];
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (subcommand != HelpCommand.class && first.equals(subcommand.getAnnotation(Command.class).name())) {
                return GeneratedHelp.apply(strata.addSubcommand(subcommand));
            }
        }
        SUBCOMMANDS.forEach(strata::addSubcommand);
        return GeneratedHelp.apply(strata);
    }

    /** {@code strata} alone prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}
