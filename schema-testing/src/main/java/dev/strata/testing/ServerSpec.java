package dev.strata.testing;

import dev.strata.migrations.config.DatabaseUrl;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The server a test class asked for, with {@link ServerKind#AUTO} decided: equal specs share one running server.
 *
 * @param url   the external server's URL (may hold a password: {@link #toString()} masks it)
 * @param image the Testcontainers image
 */
record ServerSpec(ServerKind kind, Optional<String> url, String image) {
    static final String DEFAULT_IMAGE = "postgres:17";

    ServerSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(image, "image");
        if (kind == ServerKind.AUTO) {
            throw new IllegalArgumentException("a server spec names a concrete kind, not AUTO");
        }
    }

    /**
     * The annotation's explicit choice wins; {@link ServerKind#AUTO} asks the environment (see {@link ServerKind#AUTO}).
     *
     * @throws TestDatabaseException for an unknown {@value TestEnvironment#SERVER_VARIABLE} value, or an external
     *                               server without {@value TestEnvironment#URL_VARIABLE}
     */
    static ServerSpec choose(ServerKind requested, TestEnvironment environment) {
        ServerKind kind = requested == ServerKind.AUTO ? fromEnvironment(environment) : requested;
        String image = environment.containerImage().orElse(DEFAULT_IMAGE);
        if (kind != ServerKind.EXTERNAL) {
            return new ServerSpec(kind, Optional.empty(), image);
        }
        String url = environment.databaseUrl().orElseThrow(() -> new TestDatabaseException(
                "an external PostgreSQL server was selected (" + (requested == ServerKind.EXTERNAL
                        ? "@MigratedDatabase(server = EXTERNAL)" : TestEnvironment.SERVER_VARIABLE + "=external")
                        + ") but " + TestEnvironment.URL_VARIABLE + " is not set",
                "set " + TestEnvironment.URL_VARIABLE + "=postgresql://user:password@host:5432/postgres (a user with"
                        + " the CREATEDB privilege), or select another server"));
        DatabaseUrl.parse(url, TestEnvironment.URL_VARIABLE); // a malformed URL fails here, with the reason
        return new ServerSpec(kind, Optional.of(url), image);
    }

    private static ServerKind fromEnvironment(TestEnvironment environment) {
        if (environment.server().isEmpty()) {
            return environment.databaseUrl().isPresent() ? ServerKind.EXTERNAL : ServerKind.EMBEDDED;
        }
        String value = environment.server().get();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "embedded" -> ServerKind.EMBEDDED;
            case "testcontainers" -> ServerKind.TESTCONTAINERS;
            case "external" -> ServerKind.EXTERNAL;
            default -> throw new TestDatabaseException(TestEnvironment.SERVER_VARIABLE + " (or -D"
                    + TestEnvironment.SERVER_PROPERTY + ") is '" + value + "', which is not a server kind",
                    "use embedded, testcontainers or external, or unset it for the default"
                            + " (external when " + TestEnvironment.URL_VARIABLE + " is set, else embedded)");
        };
    }

    /** What the server is, for messages: the URL with its password masked. */
    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> "embedded PostgreSQL";
            case TESTCONTAINERS -> "Testcontainers " + image;
            // parsed, not pattern-matched: the mask then covers a password with a space or '#' whole
            case EXTERNAL -> "external PostgreSQL at " + url.map(text -> DatabaseUrl.parse(text,
                    TestEnvironment.URL_VARIABLE).toString()).orElse("");
            case AUTO -> throw new IllegalStateException("unreachable");
        };
    }
}
