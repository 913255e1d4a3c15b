package dev.strata.migrations.fleet;

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

    /** Why a target failed, in the terms of the single-database exit codes. */
    enum FailureKind {
        MIGRATION_FAILED, VALIDATION_FAILED, CANNOT_CONNECT, LOCK_TIMEOUT, HISTORY_UNREADABLE, REFUSED, INTERRUPTED,
        UNEXPECTED,
        /** {@code diff}: the target's schema differs from what its applied files produce. */
        DRIFTED
    }
}
