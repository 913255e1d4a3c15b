package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.database.ScratchDatabase;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.cli.output.LintText;
import dev.strata.cli.output.SchemaVersionText;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.PendingMigration;
import dev.strata.migrations.plan.ScriptDirectives;
import dev.strata.migrations.sql.SqlStatement;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.Linter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

@Command(name = "plan",
        description = {
                "Show what `migrate` would do, changing nothing (a dry run).",
                "",
                "Lists each pending file with its statements, numbered, each with its line in the file, and every "
                        + "problem. Exits 0 when migrate would succeed, otherwise with the code migrate would return "
                        + "(4 for problems). With --analyze, also replays the pending files on a scratch database (a "
                        + "temporary embedded PostgreSQL, or --scratch-url) and reports what each statement locks, "
                        + "rewrites and reads, as `strata lint` does (which has more options). With --targets, the "
                        + "plan of every target of the fleet: one row each (version, pending files, the version "
                        + "migrate would reach); see docs/fleet.md."
        })
public final class PlanCommand extends DatabaseCommand {
    private static final int MAX_STATEMENT_LINES = 12;

    @Option(names = "--analyze", description = "Also measure the pending files on a scratch database: the locks,"
            + " rewrites and full reads of each statement, and the lint rules' findings (see `strata lint`). Does not"
            + " change the exit code.")
    boolean analyze;

    @Mixin
    ScratchOptions scratch;

    @Mixin
    TargetsOptions targets;

    PlanCommand(CliContext context) {
        super("plan", context);
    }

    @Override
    public Integer call() {
        if (analyze && targets.active()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--analyze works on one database:"
                    + " leave out --targets, or run `strata plan --analyze` against one target's URL");
        }
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetCommand.PLAN);
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        PrintWriter out = context.out();
        try (DatabaseSession session = openSession(context)) {
            PendingLintGate.check(session, scratch, context);
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).plan();
            report.planWithStatements(plan);
            if (!output.json()) {
                out.println("Plan for " + session.description() + " (current version: "
                        + SchemaVersionText.current(plan.current()) + ")");
            }
            if (plan.hasProblems()) {
                throw new ValidationFailedException(plan);
            }
            Optional<LintReport> analysis = analyze && !plan.pending().isEmpty() ? Optional.of(analyze(session, context))
                    : Optional.empty();
            analysis.ifPresent(report::lint);
            if (output.json()) {
                report.print(out, context.masker());
                return ExitCode.SUCCESS.code();
            }
            if (plan.pending().isEmpty()) {
                out.println("No pending migrations. Database is up to date.");
                return ExitCode.SUCCESS.code();
            }
            for (PendingMigration pending : plan.pending()) {
                printPending(pending, out);
            }
            out.println();
            out.println(plan.pending().size() + " pending migration" + (plan.pending().size() == 1 ? "" : "s")
                    + " would bring the schema " + SchemaVersionText.at(plan.target()).replaceFirst("^at ", "to ")
                    + ". Nothing was changed.");
            analysis.ifPresent(lint -> {
                out.println();
                LintText.print(lint, "the pending migrations (--analyze)", out);
            });
            return ExitCode.SUCCESS.code();
        }
    }

    private LintReport analyze(DatabaseSession session, CliContext context) {
        try (ScratchDatabase replay = ScratchOptions.open(scratch.server(context), session.connectTimeout())) {
            return session.linter(replay.connectionSource()).run(Linter.Scope.PENDING, session.targetSizes());
        }
    }

    /** The file's transaction mode and its own timeouts, e.g. {@code without a transaction, lock_timeout=5s}. */
    private static String directives(ScriptDirectives directives) {
        StringBuilder text = new StringBuilder(directives.transactional() ? "in one transaction" : "without a transaction");
        directives.timeouts().statementTimeout().ifPresent(timeout -> text.append(", statement_timeout=")
                .append(ScriptDirectives.durationText(timeout)));
        directives.timeouts().lockTimeout().ifPresent(timeout -> text.append(", lock_timeout=")
                .append(ScriptDirectives.durationText(timeout)));
        return text.toString();
    }

    private static void printPending(PendingMigration pending, PrintWriter out) {
        List<SqlStatement> statements = pending.statements();
        out.println();
        if (statements.isEmpty()) {
            out.println(pending.migration().script() + " (" + pending.migration().identity()
                    + ", no-op: no statements, only comments or nothing; it will be recorded as applied)");
            return;
        }
        out.println(pending.migration().script() + " (" + pending.migration().identity() + ", "
                + statements.size() + (statements.size() == 1 ? " statement" : " statements") + ", "
                + directives(pending.directives()) + ")");
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            List<String> lines = statement.sql().lines().toList();
            out.printf("  %d. line %d: %s%n", i + 1, statement.line(), lines.isEmpty() ? "" : lines.get(0));
            for (int l = 1; l < Math.min(lines.size(), MAX_STATEMENT_LINES); l++) {
                out.println("       " + lines.get(l));
            }
            if (lines.size() > MAX_STATEMENT_LINES) {
                out.println("       … " + (lines.size() - MAX_STATEMENT_LINES) + " more lines");
            }
        }
    }
}
