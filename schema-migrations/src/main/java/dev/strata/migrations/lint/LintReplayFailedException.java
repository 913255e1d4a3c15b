package dev.strata.migrations.lint;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** A statement failed while being replayed on the scratch database, so there is nothing to measure after it. */
public final class LintReplayFailedException extends StrataException {
    /** An applied file failed while the scratch database was brought to the target's state. */
    public LintReplayFailedException(String scratch, RuntimeException cause) {
        super("replaying the applied migrations into the scratch database (" + scratch + ") failed: "
                        + cause.getMessage(),
                "nothing was changed in the target database. The migrations must run on an empty database: give "
                        + "--scratch-url a server with the roles, extensions and settings they need (the same "
                        + "PostgreSQL major as the target), or fix the migration", cause);
    }

    public LintReplayFailedException(String script, int line, String scratch, String failure) {
        super(script + " line " + line + " failed when replayed on the scratch database (" + scratch + "): " + failure,
                "nothing was changed in the target database; `migrate` would fail there too, unless the scratch "
                        + "database lacks something the target has (roles, extensions): then give --scratch-url a "
                        + "server that has them");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REPLAY_FAILED;
    }
}
