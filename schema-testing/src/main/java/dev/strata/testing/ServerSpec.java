package dev.strata.testing;

import dev.strata.testserver.TestEnvironment;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.testserver.TestServerException;

import java.util.Objects;
import java.util.Optional;

/**
 * The server a test class asked for, with {@link ServerKind#AUTO} decided: equal specs share one running server.
 *
 * @param url   the external server's URL (may hold a password: {@link #toString()} masks it)
 * @param image the Testcontainers image
 */
record ServerSpec(ServerKind kind, Optional<String> url, String image) {
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
        try {
            ServerKind kind = requested == ServerKind.AUTO ? fromEnvironment(environment) : requested;
            if (kind != ServerKind.EXTERNAL) {
                return new ServerSpec(kind, Optional.empty(), environment.image());
            }
            String url = environment.externalUrl(requested == ServerKind.EXTERNAL
                    ? "@MigratedDatabase(server = EXTERNAL)" : TestEnvironment.SERVER_VARIABLE + "=external");
            DatabaseUrl.parse(url, TestEnvironment.URL_VARIABLE); // a malformed URL fails here, with the reason
            return new ServerSpec(kind, Optional.of(url), environment.image());
        } catch (TestServerException e) {
            throw asTestDatabaseException(e);
        }
    }

    /** schema-testing's users catch one exception type; strata-test-server's says the same. */
    static TestDatabaseException asTestDatabaseException(TestServerException e) {
        return new TestDatabaseException(e.problem(), e.hint(), e);
    }

    /** Unless the environment selects one, the embedded server: never a container just because Docker is reachable. */
    private static ServerKind fromEnvironment(TestEnvironment environment) {
        return environment.selectedKind().map(kind -> switch (kind) {
            case EMBEDDED -> ServerKind.EMBEDDED;
            case TESTCONTAINERS -> ServerKind.TESTCONTAINERS;
            case EXTERNAL -> ServerKind.EXTERNAL;
        }).orElse(ServerKind.EMBEDDED);
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
