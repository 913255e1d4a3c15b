package dev.strata.embedded;

/**
 * The embedded server could not be prepared or started. The message says what was found (never a password); {@link
 * #remedy()} says what to do; {@link #kind()} lets a caller choose its wording and exit code.
 */
public final class EmbeddedPostgresException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the server did not start. */
    public enum Kind {
        /** The data directory was made by another PostgreSQL major; nothing was started or changed. */
        INCOMPATIBLE_DATA_DIRECTORY,
        /** A directory the server would use (binaries, data, socket) is not safe: another user could change it. */
        UNSAFE_DIRECTORY,
        /** The class path holds no PostgreSQL binaries for this operating system and processor; nothing was started. */
        NO_BINARIES_FOR_PLATFORM,
        /** Anything else: unpacking, initdb or the server itself failed. */
        START_FAILED
    }

    private final Kind kind;
    private final String remedy;

    EmbeddedPostgresException(Kind kind, String message, String remedy, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.remedy = remedy;
    }

    EmbeddedPostgresException(Kind kind, String message, String remedy) {
        this(kind, message, remedy, null);
    }

    public Kind kind() {
        return kind;
    }

    /** What the user can do about it. */
    public String remedy() {
        return remedy;
    }
}
