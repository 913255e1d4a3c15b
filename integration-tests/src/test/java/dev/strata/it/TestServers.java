package dev.strata.it;

import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.testserver.StartedServer;
import dev.strata.testserver.TestEnvironment;
import dev.strata.testserver.TestServerKind;
import dev.strata.testserver.TestServerLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one PostgreSQL server of this JVM, chosen on first use from the {@code STRATA_TEST_*} variables
 * ({@link TestEnvironment}, as for schema-testing): the server named by {@code STRATA_TEST_DATABASE_URL}, or the kind
 * {@code STRATA_TEST_SERVER} forces ({@code embedded} for the CI's PostgreSQL-major runs, even where Docker is
 * reachable; {@code testcontainers} fails without Docker). Unlike schema-testing, with neither set the integration
 * tests take a Testcontainers container when Docker is reachable, else the embedded PostgreSQL (the major of
 * {@code postgres.binaries.version}). Started once, stopped by a shutdown hook.
 */
final class TestServers {
    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static TestServer server;
    private static RuntimeException failure;

    private TestServers() {
    }

    /** The server, started on the first call; a failure to start is remembered, not retried by every test. */
    static synchronized TestServer get() {
        if (server == null && failure == null) {
            try {
                StartedServer started = choose(TestEnvironment.current());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(started), "stop-test-server"));
                server = new TestServer(started.provider(), started.adminUrl());
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

    private static StartedServer choose(TestEnvironment environment) {
        TestServerKind kind = environment.selectedKind().orElse(null);
        if (kind != null) {
            if (kind == TestServerKind.EXTERNAL) {
                DatabaseUrl.parse(environment.externalUrl(TestEnvironment.SERVER_VARIABLE + "=external"),
                        TestEnvironment.URL_VARIABLE); // fails here, with the reason, when the URL is malformed
            }
            return TestServerLauncher.start(kind, environment, TestEnvironment.SERVER_VARIABLE + "=external");
        }
        if (TestServerLauncher.dockerAvailable()) {
            try {
                return TestServerLauncher.container(environment.image());
            } catch (RuntimeException e) {
                LOG.warn("Could not start a {} container ({}); using embedded PostgreSQL", environment.image(),
                        e.toString());
            }
        }
        return TestServerLauncher.embedded();
    }

    private static void stopQuietly(StartedServer started) {
        try {
            started.stop().close();
        } catch (Exception e) {
            LOG.warn("could not stop {}: {}", started, e.toString());
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

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
