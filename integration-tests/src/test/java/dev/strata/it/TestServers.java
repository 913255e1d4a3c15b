package dev.strata.it;

import dev.strata.migrations.config.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one PostgreSQL server of this JVM, chosen on first use: the server named by {@value #URL_VARIABLE}, else a
 * Testcontainers {@value #IMAGE} container when Docker is reachable, else an embedded PostgreSQL. Started once,
 * stopped by a shutdown hook.
 */
final class TestServers {
    /** A {@code postgresql://} or {@code jdbc:postgresql://} URL of a server where the user may CREATE DATABASE. */
    static final String URL_VARIABLE = "STRATA_TEST_DATABASE_URL";
    static final String IMAGE = "postgres:17";

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
                LOG.info("Integration tests use {}", server);
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
        if (dockerAvailable()) {
            try {
                return startContainer();
            } catch (RuntimeException e) {
                LOG.warn("Could not start a {} container ({}); using embedded PostgreSQL", IMAGE, e.toString());
            }
        }
        return EmbeddedServer.start();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) { // a broken Docker set-up must not fail the suite: the embedded server will do
            LOG.info("Docker is not usable ({})", e.toString());
            return false;
        }
    }

    private static TestServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
        String url = "postgresql://" + encode(container.getUsername()) + ":" + encode(container.getPassword()) + "@"
                + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/"
                + container.getDatabaseName();
        return new TestServer("Testcontainers " + IMAGE, url);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
