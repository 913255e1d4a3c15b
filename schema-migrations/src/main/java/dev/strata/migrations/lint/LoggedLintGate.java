package dev.strata.migrations.lint;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.LintGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code migrations.lint} gate as a library applies it before it migrates: schema-api's {@code auto_migrate},
 * the Spring starter's start-up migration and schema-testing's template databases. {@link LintGateCheck} decides;
 * this step logs each finding (SLF4J, WARN) and throws the refusal with the findings in its message, since a library
 * has no renderer and a failed start or test class shows only the message. The CLI and the fleet render the same
 * outcome themselves.
 */
public final class LoggedLintGate {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedLintGate.class);

    private final LintGate gate;
    private final Supplier<ScratchDatabases> scratch;

    /**
     * @param scratch where the replay runs; asked for only when the gate is on and a migration is about to run, so
     *                a front end that cannot provide one fails only then, with its own message
     */
    public LoggedLintGate(LintGate gate, Supplier<ScratchDatabases> scratch) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
    }

    /** The gate turned off: {@link #apply} lints nothing. */
    public static LoggedLintGate off() {
        return new LoggedLintGate(LintGate.OFF, () -> {
            throw new IllegalStateException("the lint gate is off");
        });
    }

    public LintGate gate() {
        return gate;
    }

    /**
     * Lints the pending files of {@code target} when the gate is on, logging each finding.
     *
     * @param scope {@link Linter.Scope#PENDING} for a database with history, {@link Linter.Scope#ALL} for one being
     *              built from nothing
     * @throws LintFindingsException when the gate is {@code error} and an error-level finding remains; nothing is
     *                               applied
     */
    public LintGateOutcome apply(ConnectionSource target, MigrationSettings settings, ClassLoader classLoader,
                                 Linter.Scope scope, TargetSizes sizes) {
        if (gate == LintGate.OFF) {
            return new LintGateOutcome.NotLinted();
        }
        LintGateOutcome outcome = new LintGateCheck(gate, scratch.get()).check(target, settings, classLoader, scope,
                sizes);
        if (outcome instanceof LintGateOutcome.Linted linted) {
            linted.report().statements().forEach(review -> review.findings()
                    .forEach(finding -> LOG.warn("{}", line(review, finding))));
            if (linted.refused()) {
                throw LintFindingsException.listing(linted.report(), Severity.ERROR,
                        ConfigKey.MIGRATIONS_LINT.qualifiedName() + " = \"" + gate.label()
                                + "\" refused to migrate " + target.description());
            }
        }
        return outcome;
    }

    /** One finding as a line: {@code V3__x.sql line 2: error: drop-column: drops column … (allowed: …)}. */
    static String line(StatementReview review, Finding finding) {
        return review.facts().script() + " line " + review.facts().line() + ": " + finding.severity().label() + ": "
                + finding.rule() + ": " + finding.message()
                + finding.suppressed().map(reason -> " (allowed: " + reason + ")").orElse("");
    }
}
