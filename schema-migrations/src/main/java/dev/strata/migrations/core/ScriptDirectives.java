package dev.strata.migrations.core;

import java.time.Duration;

/**
 * A file's own settings, written as {@code -- strata:} line comments above its first statement (read by the planner):
 * whether it runs in a transaction, and its statement and lock timeouts.
 *
 * @param transactionDeclared whether the file says {@code strata:transaction} itself, which detection never overrides
 */
public record ScriptDirectives(boolean transactional, StatementTimeouts timeouts, boolean transactionDeclared) {
    public static final ScriptDirectives DEFAULTS = new ScriptDirectives(true, StatementTimeouts.SERVER_DEFAULTS);

    public ScriptDirectives(boolean transactional, StatementTimeouts timeouts) {
        this(transactional, timeouts, false);
    }

    /** The directives as a file would write them, e.g. {@code transaction=false, lock_timeout=5s}. */
    public String describe() {
        StringBuilder text = new StringBuilder("transaction=").append(transactional);
        timeouts.statementTimeout().ifPresent(d -> text.append(", statement_timeout=").append(durationText(d)));
        timeouts.lockTimeout().ifPresent(d -> text.append(", lock_timeout=").append(durationText(d)));
        return text.toString();
    }

    /** A duration in the largest unit that writes it exactly, as the directive syntax accepts it. */
    public static String durationText(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }
}
