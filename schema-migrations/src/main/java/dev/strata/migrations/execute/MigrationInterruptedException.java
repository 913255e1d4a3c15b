package dev.strata.migrations.execute;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.execute.progress.Interruption;

/**
 * The run was stopped from outside ({@link Interruption}, e.g. SIGINT or SIGTERM). A transactional file was rolled
 * back; a non-transactional one keeps the statements it had finished, and a failed history row records the last
 * statement reached, as for a failing statement.
 */
public final class MigrationInterruptedException extends StrataException {
    private final String reason;
    private final int appliedBeforeInterruption;

    MigrationInterruptedException(String reason, String message, String hint, int appliedBeforeInterruption,
                                  Throwable cause) {
        super(message, hint, cause);
        this.reason = reason;
        this.appliedBeforeInterruption = appliedBeforeInterruption;
    }

    /** What stopped the run, e.g. {@code SIGINT}. */
    public String reason() {
        return reason;
    }

    public int appliedBeforeInterruption() {
        return appliedBeforeInterruption;
    }

    /** SIGTERM is told apart because shells and supervisors read 143 as "terminated", 130 as "interrupted". */
    @Override
    public ErrorKind kind() {
        return "SIGTERM".equals(reason) ? ErrorKind.TERMINATED : ErrorKind.INTERRUPTED;
    }
}
