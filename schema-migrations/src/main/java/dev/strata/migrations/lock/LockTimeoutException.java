package dev.strata.migrations.lock;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

import java.time.Duration;
import java.util.Optional;

/** The migration lock was not acquired within {@code lock_timeout}; names who held it when Strata gave up. */
public final class LockTimeoutException extends StrataException {
    private final Duration timeout;
    private final LockHolder holder;

    public LockTimeoutException(String what, Duration timeout, LockHolder holder) {
        super("could not acquire the " + what + " within " + format(timeout)
                        + (holder == null ? "" : ": it is held by " + holder),
                "wait for the other migration to finish, or raise [migrations] lock_timeout"
                        + " (STRATA_MIGRATIONS__LOCK_TIMEOUT)");
        this.timeout = timeout;
        this.holder = holder;
    }

    public Duration timeout() {
        return timeout;
    }

    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.LOCK_TIMEOUT;
    }
}
