package dev.strata.migrations.core;

import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL's {@code statement_timeout} and {@code lock_timeout} for migration statements, so a migration cannot
 * queue behind a long transaction and block production traffic behind its own lock request. Empty means the
 * server's setting applies.
 */
public record StatementTimeouts(Optional<Duration> statementTimeout, Optional<Duration> lockTimeout) {
    public static final StatementTimeouts SERVER_DEFAULTS = new StatementTimeouts(Optional.empty(), Optional.empty());

    public StatementTimeouts {
        statementTimeout.ifPresent(StatementTimeouts::requirePositive);
        lockTimeout.ifPresent(StatementTimeouts::requirePositive);
    }

    /** This file's settings where it has them, the run's otherwise. */
    public StatementTimeouts over(StatementTimeouts runDefaults) {
        return new StatementTimeouts(statementTimeout.or(runDefaults::statementTimeout),
                lockTimeout.or(runDefaults::lockTimeout));
    }

    private static void requirePositive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive, was " + duration);
        }
    }
}
