package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.database.ScratchDatabase;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
                "Name files (strata lint db/migration/V7__add_index.sql) to check those instead, as if they came "
                        + "right after the applied ones: a pull-request check before they are applied anywhere.",
                "",
                "Exit code 0, or 4 with --fail-on when a finding at that level remains; 2 for a named file that is "
                        + "not one of the migrations of migrations.locations."
        })
public final class LintCommand extends DatabaseCommand {
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

    @Option(names = "--style", description = "Also the opt-in style rules, on new tables too: timestamp without time"
            + " zone, serial/bigserial, int primary keys, char(n) (warnings; see docs/lint.md).")
    boolean style;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Migration files to check instead of the pending"
            + " ones, by path or by name (V7__add_index.sql), each one of the files of migrations.locations: they"
            + " are replayed as one release right after the database's applied files, as a pull-request check"
            + " before they are applied anywhere.")
    List<String> files = List.of();

    LintCommand(CliContext context) {
        super("lint", context);
    }

    @Override
    public Integer call() {
        if (all && !files.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "lint: --all and named files exclude each"
                    + " other: name the files to check, or check them --all");
        }
        Optional<DatabaseUrl> scratchServer = scratchOptions.server(context);
        try (DatabaseSession session = openSession(context)) {
            // Named files are looked up before a scratch server starts: a typo costs no replay.
            Optional<Set<String>> named = files.isEmpty() ? Optional.empty() : Optional.of(named(session, context));
            try (ScratchDatabase scratch = ScratchOptions.open(scratchServer, session.connectTimeout())) {
                String scratchDescription = scratch.connectionSource().description();
                report.scratch(scratchDescription);
                Linter linter = style ? session.linter(scratch.connectionSource()).withStyleRules()
                        : session.linter(scratch.connectionSource());
                LintReport lint = named.isPresent() ? linter.runFiles(named.get(), session.targetSizes())
                        : linter.run(all ? Linter.Scope.ALL : Linter.Scope.PENDING, session.targetSizes());
                Renderer renderer = renderer();
                renderer.linted((all ? "every migration" : files.isEmpty() ? "the pending migrations"
                        : String.join(", ", files)) + " of " + session.description() + ", replayed on "
                        + scratchDescription, lint);
                Optional<Severity> level = Optional.ofNullable(failOn).map(f -> Severity.valueOf(f.name()));
                if (level.isPresent() && lint.reaches(level.get())) {
                    throw new LintFindingsException(lint, level.get());
                }
                renderer.finished();
                return ExitCode.SUCCESS.code();
            }
        }
    }

    /** The named files' names; a file that is none of the migrations is a usage error (exit 2) naming it. */
    private Set<String> named(DatabaseSession session, CliContext context) {
        NamedMigrationFiles.Lookup lookup = NamedMigrationFiles.find(files,
                session.migrator(ExecutionListener.NONE).plan(), context.workingDirectory());
        if (lookup.missing().isPresent()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "lint: " + lookup.missing().get()
                    + " is not one of the migrations in " + session.locations() + "; name a file in those locations"
                    + " (by its path or its name, e.g. V7__add_index.sql), or add its directory to"
                    + " migrations.locations");
        }
        return lookup.scripts();
    }
}
