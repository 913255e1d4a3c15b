package dev.strata.testing;

import dev.strata.testserver.TestServerException;

/**
 * A test database could not be provided: no server, a bad {@link MigratedDatabase} configuration, a migration that
 * fails in the template, a missing privilege. The message says what went wrong and, on its last line, what to do
 * ({@link #hint()}); it never shows a password.
 */
public final class TestDatabaseException extends TestServerException {

    public TestDatabaseException(String problem, String hint) {
        this(problem, hint, null);
    }

    public TestDatabaseException(String problem, String hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
