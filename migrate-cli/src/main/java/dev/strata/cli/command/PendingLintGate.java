package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.output.LintText;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintGateCheck;
import dev.strata.migrations.lint.LintGateOutcome;

/**
 * {@code migrations.lint} before validate, plan and migrate: the engine's {@link LintGateCheck} decides; this prints
 * its findings on stderr and stops the command when it refuses.
 */
final class PendingLintGate {
    private PendingLintGate() {
    }

    /** @throws LintFindingsException with {@code error}, when an error-level finding no allow line silences remains */
    static void check(DatabaseSession session, ScratchOptions scratchOptions, CliContext context) {
        LintGateCheck gate = new LintGateCheck(session.lintGate(),
                scratchOptions.databases(context, session.connectTimeout()));
        LintGateOutcome outcome = session.lintPending(gate);
        print(outcome, context);
        outcome.refusal().ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The findings on stderr, as {@code strata lint} prints them; nothing when there are none. */
    static void print(LintGateOutcome outcome, CliContext context) {
        if (outcome instanceof LintGateOutcome.Linted linted && linted.hasFindings()) {
            LintText.print(linted.report(), "the pending migrations (migrations.lint = \"" + linted.gate().label()
                    + "\"), replayed on " + linted.scratch(), context.err());
        }
    }
}
