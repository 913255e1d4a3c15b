package dev.strata.testing;

import dev.strata.migrations.config.DatabaseUrl;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The only class that touches Testcontainers (an optional dependency): it is loaded only when a test selects
 * {@link ServerKind#TESTCONTAINERS}. There is no silent fallback to the embedded server: a test suite that asked
 * for a container fails, saying why, when it cannot have one.
 */
final class ContainerServer {

    private ContainerServer() {
    }

    static PostgresServer start(String image) {
        if (!dockerAvailable()) {
            throw new TestDatabaseException("Testcontainers was selected as the test server (" + image
                    + "), but no Docker engine is reachable",
                    "start Docker (or set DOCKER_HOST), or select the embedded server: unset "
                            + TestEnvironment.SERVER_VARIABLE + " and do not set server = TESTCONTAINERS");
        }
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new TestDatabaseException("cannot start the Testcontainers PostgreSQL " + image + ": " + e.getMessage(),
                    "check that Docker can pull " + image + " (or set " + TestEnvironment.IMAGE_VARIABLE
                            + " to an image it has)", e);
        }
        String url = "postgresql://" + encode(container.getUsername()) + ":" + encode(container.getPassword()) + "@"
                + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/"
                + container.getDatabaseName();
        return PostgresServer.connect("Testcontainers " + image, DatabaseUrl.parse(url, "Testcontainers"),
                container::stop, CopyStrategy.SERVER_DEFAULT);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) { // a broken Docker set-up reads as "no Docker", with the message above
            return false;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
