package dev.strata.testing;

import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.testserver.StartedServer;
import dev.strata.testserver.TestEnvironment;
import dev.strata.testserver.TestServerException;
import dev.strata.testserver.TestServerKind;
import dev.strata.testserver.TestServerLauncher;

/**
 * Starts (or, for an external server, connects to) the server a {@link ServerSpec} names, through strata-test-server,
 * and opens the admin connections the test databases are created and dropped on.
 */
final class ServerLauncher {

    private ServerLauncher() {
    }

    static PostgresServer start(ServerSpec spec) {
        StartedServer started;
        try {
            started = switch (spec.kind()) {
                case EMBEDDED -> TestServerLauncher.embedded();
                case TESTCONTAINERS -> TestServerLauncher.container(spec.image());
                case EXTERNAL -> TestServerLauncher.external(spec.url().orElseThrow());
                case AUTO -> throw new IllegalArgumentException("AUTO is decided by ServerSpec.choose");
            };
        } catch (TestServerException e) {
            throw ServerSpec.asTestDatabaseException(e);
        }
        String origin = started.kind() == TestServerKind.EXTERNAL ? TestEnvironment.URL_VARIABLE : started.provider();
        return PostgresServer.connect(started.provider(), DatabaseUrl.parse(started.adminUrl(), origin), started.stop(),
                started.kind() == TestServerKind.EMBEDDED ? CopyStrategy.FILE_COPY : CopyStrategy.SERVER_DEFAULT);
    }
}
