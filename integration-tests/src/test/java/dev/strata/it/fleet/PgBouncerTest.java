package dev.strata.it.fleet;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.JdbcConnectionSource;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.lock.TransactionPoolingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Through a real PgBouncer (Debian's package; skipped, with the reason, where the binary is missing): session pooling
 * migrates as a direct connection does; transaction pooling, where the session-level migration lock cannot hold, is
 * refused before anything runs.
 */
@ExtendWith(FreshDatabase.class)
class PgBouncerTest {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

    @Test
    void sessionPoolingMigratesAndTransactionPoolingIsRefusedWithTheFix(TestDatabase database, @TempDir Path dir)
            throws Exception {
        Optional<Path> binary = BINARIES.stream().filter(Files::isExecutable).findFirst();
        assumeTrue(binary.isPresent(), "PgBouncer is not installed (apt-get install pgbouncer); skipped");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"), "create table accounts (id int primary key);\n");
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(migrations)));

        try (Bouncer bouncer = Bouncer.start(binary.get(), dir.resolve("pgbouncer"), database)) {
            TransactionPoolingException refused = catchThrowableOfType(TransactionPoolingException.class,
                    () -> new Migrator(bouncer.connections("txn"), settings).migrate());
            assertThat(refused.getMessage()).contains("pooler in transaction mode").contains("nothing was run");
            assertThat(refused.hint()).contains("pool_mode = session");
            assertThat(Queries.relationExists(database, "public.strata_schema_history")).isFalse();

            assertThat(new Migrator(bouncer.connections("sess"), settings).migrate().applied()).hasSize(1);
            assertThat(Queries.relationExists(database, "public.accounts")).isTrue();
        }
    }

    /** A PgBouncer in the foreground, with a session-mode and a transaction-mode entry for the test's database. */
    private record Bouncer(Process process, int port, TestDatabase database) implements AutoCloseable {
        static Bouncer start(Path binary, Path dir, TestDatabase database) throws IOException {
            Files.createDirectories(dir);
            URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String target = "host=" + server.getHost() + " port=" + server.getPort() + " dbname=" + database.name();
            Path users = Files.writeString(dir.resolve("userlist.txt"), "\"" + database.user() + "\" \""
                    + database.password().replace("\"", "\"\"") + "\"\n");
            Path ini = Files.writeString(dir.resolve("pgbouncer.ini"), """
                    [databases]
                    txn = %s pool_mode=transaction
                    sess = %s pool_mode=session

                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    default_pool_size = 10
                    """.formatted(target, target, port, users));
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                // PgBouncer refuses to run as root; it reads its files as the user it switches to.
                for (Path path : List.of(dir, users, ini)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
                }
                Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
                command.addAll(List.of("-u", "nobody"));
            }
            command.add(ini.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = log.readLine(); line != null; line = log.readLine()) {
                seen.append(line).append('\n');
                if (line.contains("process up")) {
                    // Drained from here on, so that PgBouncer never blocks on a full pipe.
                    Thread drain = new Thread(() -> drain(log), "pgbouncer-log");
                    drain.setDaemon(true);
                    drain.start();
                    return new Bouncer(process, port, database);
                }
            }
            throw new IllegalStateException("PgBouncer exited before it was up:\n" + seen);
        }

        private static void drain(BufferedReader log) {
            try {
                while (log.readLine() != null) {
                    continue;
                }
            } catch (IOException e) {
                // The stream closes when the test stops PgBouncer.
            }
        }

        JdbcConnectionSource connections(String entry) {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://" + database.user() + "@127.0.0.1:" + port + "/" + entry,
                    "the test's PgBouncer");
            return new JdbcConnectionSource(new DatabaseSettings(Optional.of(url), Optional.empty(), Optional.empty(),
                    1, Duration.ofSeconds(10), false));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
