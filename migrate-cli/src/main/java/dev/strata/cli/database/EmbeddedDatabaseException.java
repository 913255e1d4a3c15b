package dev.strata.cli.database;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** The embedded PostgreSQL could not be started. */
public final class EmbeddedDatabaseException extends StrataException {
    EmbeddedDatabaseException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CANNOT_CONNECT;
    }
}
