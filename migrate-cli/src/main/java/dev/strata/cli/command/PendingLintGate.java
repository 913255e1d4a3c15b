package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.database.ScratchDatabase;
import dev.strata.cli.output.LintText;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.Severity;
import dev.strata.migrations.plan.MigrationPlan;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * {@code migrations.lint}: validate, plan and migrate lint the pending files before they do anything else. It lives
 * in the CLI rather than in the engine's {@code Migrator} because it needs a scratch database, which the CLI starts
 * (embedded) or creates ({@code --scratch-url}); the engine never starts a server.
 */
final class PendingLintGate {
    private PendingLintGate() {
    }

    /**
     * Lints the pending files when the gate is on. A plan with problems, or with nothing pending, is left to the
     * command, which reports it as it always does.
     *
     * @throws LintFindingsException with {@code error}, when an error-level finding no allow line silences remains
     */
    static void check(DatabaseSession session, ScratchOptions scratchOptions, CliContext context) {
        LintGate gate = session.lintGate();
        if (gate == LintGate.OFF) {
            return;
        }
        MigrationPlan plan = session.migrator(ExecutionListener.NONE).plan();
        if (plan.hasProblems() || plan.pending().isEmpty()) {
            return;
        }
        Optional<DatabaseUrl> server = scratchOptions.server(context);
        LintReport lint;
        String scratchDescription;
        try (ScratchDatabase scratch = ScratchOptions.open(server, session.connectTimeout())) {
            scratchDescription = scratch.connectionSource().description();
            lint = session.linter(scratch.connectionSource()).run(Linter.Scope.PENDING, session.targetSizes());
        }
        PrintWriter err = context.err();
        if (!lint.statements().stream().allMatch(review -> review.findings().isEmpty())) {
            LintText.print(lint, "the pending migrations (migrations.lint = \"" + gate.label() + "\"), replayed on "
                    + scratchDescription, err);
        }
        if (gate == LintGate.ERROR && lint.reaches(Severity.ERROR)) {
            throw new LintFindingsException(lint, Severity.ERROR);
        }
    }
}
