package dev.strata.it.cli;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.testserver.TestServerLauncher;
import dev.strata.it.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Unix-socket URL ({@code ?host=/dir}) reaches a server that listens on a socket in that directory: the embedded
 * server's private (0700) socket directory, with its password (given through the environment, not the command line).
 */
class UnixSocketProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void migratesOverAUnixSocket() throws Exception {
        try (EmbeddedPostgres server = TestServerLauncher.startEmbedded()) {
            Path migrations = Files.createDirectories(workingDirectory.resolve("sql"));
            Files.writeString(migrations.resolve("V1__socket.sql"), "create table over_socket (id int);\n");
            String url = "postgresql:///postgres?host=" + server.socketDirectory() + "&port=" + server.port()
                    + "&user=postgres";

            StrataCli.Result result = StrataCli.run(workingDirectory,
                    Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations,
                            "STRATA_DATABASE__PASSWORD", Secrets.register(server.password())), "migrate", "--url", url);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Applied 1 migration");
            try (var connection = server.dataSource("postgres").getConnection();
                 var rows = connection.createStatement().executeQuery("select to_regclass('over_socket') is not null")) {
                rows.next();
                assertThat(rows.getBoolean(1)).isTrue();
            }
        }
    }
}
