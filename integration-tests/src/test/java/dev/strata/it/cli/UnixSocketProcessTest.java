package dev.strata.it.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Unix-socket URL ({@code ?host=/dir}) reaches a server that listens on a socket in that directory. */
class UnixSocketProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void migratesOverAUnixSocket() throws Exception {
        // Short path: a socket path must fit in 107 bytes.
        Path socketDirectory = Files.createTempDirectory(Path.of("/tmp"), "pgs");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("unix_socket_directories", socketDirectory.toString())
                .start()) {
            Path migrations = Files.createDirectories(workingDirectory.resolve("sql"));
            Files.writeString(migrations.resolve("V1__socket.sql"), "create table over_socket (id int);\n");
            String url = "postgresql:///postgres?host=" + socketDirectory + "&port=" + server.getPort() + "&user=postgres";

            StrataCli.Result result = StrataCli.run(workingDirectory,
                    Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations), "migrate", "--url", url);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Applied 1 migration");
            try (var connection = server.getPostgresDatabase().getConnection();
                 var rows = connection.createStatement().executeQuery("select to_regclass('over_socket') is not null")) {
                rows.next();
                assertThat(rows.getBoolean(1)).isTrue();
            }
        } finally {
            Files.deleteIfExists(socketDirectory);
        }
    }
}
