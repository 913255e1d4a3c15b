package dev.strata.migrations.lint;

import dev.strata.migrations.config.LintGate;

import java.util.Optional;

/** What the {@code migrations.lint} gate did before a command: nothing to lint, or the findings and its decision. */
public sealed interface LintGateOutcome {
    /** The refusal to throw when the gate stops the command; empty when the command may go on. */
    Optional<LintFindingsException> refusal();

    /** The gate is off, nothing is pending, or the plan has problems the command reports itself. */
    record NotLinted() implements LintGateOutcome {
        @Override
        public Optional<LintFindingsException> refusal() {
            return Optional.empty();
        }
    }

    /**
     * The pending files were linted on {@code scratch}.
     *
     * @param refused whether the gate stops the command: {@code error}, and an error-level finding no
     *                {@code -- strata:allow} silences
     */
    record Linted(LintGate gate, LintReport report, String scratch, boolean refused) implements LintGateOutcome {
        @Override
        public Optional<LintFindingsException> refusal() {
            return refused ? Optional.of(new LintFindingsException(report, Severity.ERROR)) : Optional.empty();
        }

        public boolean hasFindings() {
            return report.statements().stream().anyMatch(review -> !review.findings().isEmpty());
        }
    }
}
