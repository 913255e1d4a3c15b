package dev.strata.cli;

import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;

@Command(name = "lint",
        description = {
                "Measure what the pending migrations will lock and rewrite, before production finds out.",
                "",
                "Replays the database's applied migrations into a scratch database (a temporary embedded "
                        + "PostgreSQL, or a database created on --scratch-url and dropped afterwards), then runs each "
                        + "pending file there as migrate would, in its transaction, and reads after every statement "
                        + "the table locks the session holds, which tables were rewritten and which were read in "
                        + "full. Rules turn those facts into findings, each with its fix as SQL; only tables that "
                        + "existed before the run count. With a database URL configured, each finding shows the "
                        + "table's size there, which raises or lowers its severity. Changes nothing in the database. "
                        + "Silence a finding with `-- strata:allow=<rule> <reason>` on the line before the statement "
                        + "(or above the first statement, for the file). Rules: docs/lint.md.",
                "",
                "Exit code 0, or 4 with --fail-on when a finding at that level remains."
        })
final class LintCommand extends DatabaseCommand {
    /** The levels --fail-on accepts; matched case-insensitively. */
    enum FailOn {
        WARNING, ERROR
    }

    @Option(names = "--all", description = "Check every file from an empty database, each as a release of its own,"
            + " instead of the pending ones.")
    boolean all;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "warning or error: exit 4 when a finding at"
            + " this level or above remains. Default: report only, exit 0.")
    FailOn failOn;

    @Mixin
    ScratchOptions scratchOptions;

    LintCommand() {
        super("lint");
    }

    @Override
    public Integer call() {
        CliContext context = strata.context();
        PrintWriter out = context.out();
        Optional<DatabaseUrl> scratchServer = scratchOptions.server(context);
        try (DatabaseSession session = openSession(context);
             ScratchDatabase scratch = ScratchOptions.open(scratchServer, session.connectTimeout())) {
            String scratchDescription = scratch.connectionSource().description();
            report.scratch(scratchDescription);
            Linter.Scope scope = all ? Linter.Scope.ALL : Linter.Scope.PENDING;
            LintReport lint = session.linter(scratch.connectionSource()).run(scope, session.targetSizes());
            report.lint(lint);
            if (!output.json()) {
                LintText.print(lint, (all ? "every migration" : "the pending migrations") + " of "
                        + session.description() + ", replayed on " + scratchDescription, out);
            }
            Optional<Severity> level = Optional.ofNullable(failOn).map(f -> Severity.valueOf(f.name()));
            if (level.isPresent() && lint.reaches(level.get())) {
                throw new LintFindingsException(lint, level.get());
            }
            if (output.json()) {
                report.print(out, context.masker());
            }
            return ExitCode.SUCCESS.code();
        }
    }
}
