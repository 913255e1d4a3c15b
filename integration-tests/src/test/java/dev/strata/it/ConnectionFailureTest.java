package dev.strata.it;

import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A server that cannot be reached or refuses the login is a connection error, and never echoes the password. */
@ExtendWith(FreshDatabase.class)
class ConnectionFailureTest {
    private static final String WRONG_PASSWORD = "Not-The-Pa55word-7f3e";

    @Test
    void aClosedPortIsAConnectionError(@TempDir Path dir) throws IOException {
        // A file to apply: a location without one is refused before any connection is tried.
        java.nio.file.Files.writeString(dir.resolve("V1__one.sql"), "create table one (id int);\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://strata:" + WRONG_PASSWORD + "@127.0.0.1:" + closedPort + "/nowhere", "test");
        Migrator migrator = new Migrator(TestDatabase.connectionSource(url), new MigrationFiles(dir).settings());

        for (Throwable failure : new Throwable[] {catchThrowable(migrator::migrate), catchThrowable(migrator::validate)}) {
            assertThat(failure).isInstanceOf(DatabaseConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort)
                    .hasMessageNotContaining(WRONG_PASSWORD);
        }
    }

    @Test
    void aWrongPasswordIsAConnectionErrorThatDoesNotRepeatThePassword(TestDatabase database, @TempDir Path dir) {
        String jdbcUrl = database.jdbcUrl();
        DatabaseUrl url = DatabaseUrl.parse(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user="
                + TestServers.encode(database.user()) + "&password=" + WRONG_PASSWORD, "test");
        Migrator migrator = new Migrator(TestDatabase.connectionSource(url),
                new MigrationFiles(dir).write("V1__create_a.sql", "create table a (id int);\n").settings());

        Throwable failure = catchThrowable(migrator::migrate);

        assumeThat(failure).as("the test server checks passwords (" + TestServers.get().provider() + ")").isNotNull();
        assertThat(failure).isInstanceOf(DatabaseConnectionException.class)
                .hasMessageContaining("28P01")
                .hasMessageNotContaining(WRONG_PASSWORD);
        assertThat(((DatabaseConnectionException) failure).hint()).contains("password");
        assertThat(Queries.relationExists(database, "a")).isFalse();
    }
}
