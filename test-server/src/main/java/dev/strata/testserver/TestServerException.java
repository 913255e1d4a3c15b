package dev.strata.testserver;

/**
 * No test server: a bad {@code STRATA_TEST_*} value, no Docker for a container, an embedded server that did not
 * start (schema-testing's {@code TestDatabaseException} says more about a test database). The message is
 * {@link #problem()}, then on its last line what to do ({@link #hint()}); it never shows a password.
 */
public class TestServerException extends RuntimeException {
    private final String problem;
    private final String hint;

    public TestServerException(String problem, String hint) {
        this(problem, hint, null);
    }

    public TestServerException(String problem, String hint, Throwable cause) {
        super(problem + "\n  What to do: " + hint, cause);
        this.problem = problem;
        this.hint = hint;
    }

    public String problem() {
        return problem;
    }

    /** What to do about it (also the message's last line). */
    public String hint() {
        return hint;
    }
}
