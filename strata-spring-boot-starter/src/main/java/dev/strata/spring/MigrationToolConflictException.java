package dev.strata.spring;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** Flyway or Liquibase would migrate the same database as Strata at start-up, and nobody said that is intended. */
public final class MigrationToolConflictException extends StrataException {
    public MigrationToolConflictException(String message, String hint) {
        super(message, hint);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
