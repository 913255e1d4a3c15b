package dev.strata.testserver;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The only class that touches Testcontainers (an optional dependency): it is loaded only when a test selects a
 * container or asks whether Docker is reachable. There is no silent fallback to the embedded server: asked for a
 * container, it starts one or says why it cannot.
 */
final class ContainerServer {

    private ContainerServer() {
    }

    /** A broken Docker set-up reads as "no Docker": whoever asked decides what that means. */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static StartedServer start(String image) {
        if (!dockerAvailable()) {
            throw new TestServerException("Testcontainers was selected as the test server (" + image
                    + "), but no Docker engine is reachable",
                    "start Docker (or set DOCKER_HOST), or select the embedded server: unset "
                            + TestEnvironment.SERVER_VARIABLE + " and do not set server = TESTCONTAINERS");
        }
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new TestServerException("cannot start the Testcontainers PostgreSQL " + image + ": " + e.getMessage(),
                    "check that Docker can pull " + image + " (or set " + TestEnvironment.IMAGE_VARIABLE
                            + " to an image it has)", e);
        }
        String url = "postgresql://" + encode(container.getUsername()) + ":" + encode(container.getPassword()) + "@"
                + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/"
                + container.getDatabaseName();
        return new StartedServer(TestServerKind.TESTCONTAINERS, "Testcontainers " + image, url, container::stop);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
