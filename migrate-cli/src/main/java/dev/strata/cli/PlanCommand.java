package dev.strata.cli;

import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.PendingMigration;
import dev.strata.migrations.plan.ScriptDirectives;
import dev.strata.migrations.sql.SqlStatement;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "plan",
        description = {
                "Show what `migrate` would do, changing nothing (a dry run).",
                "",
                "Lists each pending file with its statements, numbered, each with its line in the file, and every "
                        + "problem. Exits 0 when migrate would succeed, otherwise with the code migrate would return "
                        + "(4 for problems)."
        })
final class PlanCommand extends DatabaseCommand {
    private static final int MAX_STATEMENT_LINES = 12;

    PlanCommand() {
        super("plan");
    }

    @Override
    public Integer call() {
        CliContext context = strata.context();
        PrintWriter out = context.out();
        try (DatabaseSession session = openSession(context)) {
            MigrationPlan plan = session.migrator(ExecutionListener.NONE).plan();
            report.planWithStatements(plan);
            if (!output.json()) {
                out.println("Plan for " + session.description() + " (current version: "
                        + SchemaVersionText.current(plan.current()) + ")");
            }
            if (plan.hasProblems()) {
                throw new ValidationFailedException(plan);
            }
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
            return ExitCode.SUCCESS.code();
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
