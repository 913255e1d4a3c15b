package dev.strata.it;

import dev.strata.migrations.config.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The one PostgreSQL server of this JVM, chosen on first use: the server named by {@value #URL_VARIABLE}, else a
 * Testcontainers container ({@value #IMAGE_VARIABLE}, default {@value #DEFAULT_IMAGE}) when Docker is reachable,
 * else an embedded PostgreSQL (the major of {@code postgres.binaries.version}). {@value #KIND_VARIABLE} forces one
 * of the last two: {@code embedded} (the CI's PostgreSQL-major runs, even where Docker is reachable) or
 * {@code testcontainers} (fails without Docker). Started once, stopped by a shutdown hook.
 */
final class TestServers {
    /** A {@code postgresql://} or {@code jdbc:postgresql://} URL of a server where the user may CREATE DATABASE. */
    static final String URL_VARIABLE = "STRATA_TEST_DATABASE_URL";
    /** {@code auto} (the default), {@code embedded} or {@code testcontainers}. */
    static final String KIND_VARIABLE = "STRATA_TEST_SERVER";
    static final String IMAGE_VARIABLE = "STRATA_TEST_POSTGRES_IMAGE";
    static final String DEFAULT_IMAGE = "postgres:17";

    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static TestServer server;
    private static RuntimeException failure;

    private TestServers() {
    }

    /** The server, started on the first call; a failure to start is remembered, not retried by every test. */
    static synchronized TestServer get() {
        if (server == null && failure == null) {
            try {
                server = choose();
                // Scanned for when long enough to be told apart from ordinary words (Testcontainers' is "test").
                DatabaseUrl.parse(server.adminUrl(), server.provider()).password().ifPresent(Secrets::register);
                LOG.info("Integration tests use {} (PostgreSQL {})", server, serverVersion(server));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("no PostgreSQL server for the tests: " + failure.getMessage(), failure);
        }
        return server;
    }

    private static TestServer choose() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            DatabaseUrl.parse(url, URL_VARIABLE); // fails here, with the reason, when the URL is malformed
            return new TestServer(URL_VARIABLE, url.strip());
        }
        String kind = Optional.ofNullable(System.getenv(KIND_VARIABLE)).orElse("auto").strip();
        String image = Optional.ofNullable(System.getenv(IMAGE_VARIABLE)).orElse(DEFAULT_IMAGE).strip();
        switch (kind) {
            case "embedded" -> {
                return EmbeddedServer.start();
            }
            case "testcontainers" -> {
                return startContainer(image);
            }
            case "auto" -> {
                if (dockerAvailable()) {
                    try {
                        return startContainer(image);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not start a {} container ({}); using embedded PostgreSQL", image, e.toString());
                    }
                }
                return EmbeddedServer.start();
            }
            default -> throw new IllegalStateException(KIND_VARIABLE + " is '" + kind
                    + "': expected auto, embedded or testcontainers");
        }
    }

    private static String serverVersion(TestServer server) {
        try (Connection connection = server.admin().open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the version of " + server, e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) { // a broken Docker set-up must not fail the suite: the embedded server will do
            LOG.info("Docker is not usable ({})", e.toString());
            return false;
        }
    }

    private static TestServer startContainer(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
        String url = "postgresql://" + encode(container.getUsername()) + ":" + encode(container.getPassword()) + "@"
                + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/"
                + container.getDatabaseName();
        return new TestServer("Testcontainers " + image, url);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
