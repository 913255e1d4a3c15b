package dev.strata.migrations.fleet;

import dev.strata.migrations.core.ErrorKind;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How one target of a fleet run ended. */
public sealed interface TargetOutcome {

    /** The command did its work on the target (for migrate: the target is at the newest version). */
    record Succeeded() implements TargetOutcome {
    }

    /**
     * The command failed on the target; what was applied before the failing file stays applied, and a run again
     * resumes from there.
     *
     * @param kind     what failed, which decides the exit code a single-database run would have given
     * @param message  what happened, with every secret of the target masked
     * @param script   the failing file, when a file failed
     * @param line     the line in that file
     * @param sqlState PostgreSQL's error code, when the server gave one
     */
    record Failed(FailureKind kind, String message, Optional<String> script, OptionalInt line,
                  Optional<String> sqlState) implements TargetOutcome {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(sqlState, "sqlState");
        }
    }

    /** The target was not started: an earlier target failed under {@code stop}, a canary failed, or a signal stopped the run. */
    record Skipped(String reason) implements TargetOutcome {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Why a target failed, in the terms of the single-database exit codes. The one place a failure kind and an
     * {@link ErrorKind} are translated, both ways, each with an exhaustive switch: the engine turns a target's error
     * into its outcome with {@link #of}, and a front end turns the outcome back into the error a single-database run
     * would have reported with {@link #errorKind()}.
     */
    enum FailureKind {
        MIGRATION_FAILED, VALIDATION_FAILED, CANNOT_CONNECT, LOCK_TIMEOUT, HISTORY_UNREADABLE, REFUSED, INTERRUPTED,
        UNEXPECTED,
        /** {@code diff}: the target's schema differs from what its applied files produce. */
        DRIFTED;

        /**
         * The outcome of a target whose run failed with an error of {@code kind}. Kinds a fleet does not tell apart
         * are folded: a replay or generation failure is a failed migration, a configuration error a refusal, SIGTERM
         * an interruption (a signal's own exit code comes from the run's {@code stoppedBy}, not from its targets).
         */
        public static FailureKind of(ErrorKind kind) {
            return switch (kind) {
                case MIGRATION_FAILED, REPLAY_FAILED, GENERATION_FAILED -> MIGRATION_FAILED;
                case VALIDATION_FAILED -> VALIDATION_FAILED;
                case CANNOT_CONNECT -> CANNOT_CONNECT;
                case LOCK_TIMEOUT -> LOCK_TIMEOUT;
                case HISTORY_UNREADABLE -> HISTORY_UNREADABLE;
                case CONFIGURATION, REFUSED -> REFUSED;
                case INTERRUPTED, TERMINATED -> INTERRUPTED;
                case INTERNAL -> UNEXPECTED;
            };
        }

        /** The error a single-database run would have reported: it decides the fleet run's exit code. */
        public ErrorKind errorKind() {
            return switch (this) {
                case MIGRATION_FAILED -> ErrorKind.MIGRATION_FAILED;
                case VALIDATION_FAILED, DRIFTED -> ErrorKind.VALIDATION_FAILED;
                case CANNOT_CONNECT -> ErrorKind.CANNOT_CONNECT;
                case LOCK_TIMEOUT -> ErrorKind.LOCK_TIMEOUT;
                case HISTORY_UNREADABLE -> ErrorKind.HISTORY_UNREADABLE;
                case REFUSED -> ErrorKind.REFUSED;
                case INTERRUPTED -> ErrorKind.INTERRUPTED;
                case UNEXPECTED -> ErrorKind.INTERNAL;
            };
        }
    }
}
