package dev.strata.cli.command;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** {@code strata new} could not create the file: a bad description, a file already there, or an I/O error. */
public final class NewMigrationException extends StrataException {
    NewMigrationException(String message, String hint) {
        super(message, hint);
    }

    NewMigrationException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
