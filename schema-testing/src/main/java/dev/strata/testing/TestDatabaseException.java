package dev.strata.testing;

/**
 * A test database could not be provided: no server, a bad {@link MigratedDatabase} configuration, a migration that
 * fails in the template, a missing privilege. The message says what went wrong and, on its last line, what to do;
 * it never shows a password.
 */
public final class TestDatabaseException extends RuntimeException {
    private final String hint;

    public TestDatabaseException(String problem, String hint) {
        this(problem, hint, null);
    }

    public TestDatabaseException(String problem, String hint, Throwable cause) {
        super(problem + "\n  What to do: " + hint, cause);
        this.hint = hint;
    }

    /** What to do about it (also the message's last line). */
    public String hint() {
        return hint;
    }
}
