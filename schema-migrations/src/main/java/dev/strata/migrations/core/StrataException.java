package dev.strata.migrations.core;

/**
 * Base of every error Strata reports to a user. The message says what went wrong and where; {@link #hint()} says
 * what to do next. Each subtype declares its {@link #kind()}, from which front ends derive their exit code.
 */
public abstract class StrataException extends RuntimeException {
    private final String hint;

    protected StrataException(String message, String hint) {
        this(message, hint, null);
    }

    protected StrataException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What kind of failure this is; decides the exit code. */
    public abstract ErrorKind kind();

    /** What the user can do about it; may be empty, never null. */
    public String hint() {
        return hint == null ? "" : hint;
    }
}
