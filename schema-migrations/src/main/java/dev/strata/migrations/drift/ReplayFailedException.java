package dev.strata.migrations.drift;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/**
 * A migration the database has applied failed when replayed into the empty scratch database, so there is no expected
 * schema to compare with. Nothing was changed in the database being checked.
 */
public final class ReplayFailedException extends StrataException {
    public ReplayFailedException(String scratch, RuntimeException cause) {
        super("replaying the applied migrations into the scratch database (" + scratch + ") failed: "
                        + cause.getMessage(),
                "the database being checked was not changed. The migrations must run on an empty database: give "
                        + "--scratch-url a server with the roles, extensions and settings they need (the same "
                        + "PostgreSQL major as the database), or fix the migration", cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REPLAY_FAILED;
    }
}
