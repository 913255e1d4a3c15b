package dev.strata.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 14, item 1: another local OS user cannot use the server. A small Java program, run as {@code nobody}, tries
 * the loopback port without the password and the Unix socket; the same program run as the invoking user with the
 * password connects (so a refusal is not the probe's own failure).
 */
class OtherUserTest {
    private static final String PROBE = """
            import java.net.UnixDomainSocketAddress;
            import java.nio.channels.SocketChannel;
            import java.nio.file.Path;
            import java.sql.DriverManager;
            import java.util.Properties;

            public class Probe {
                public static void main(String[] args) {
                    Properties properties = new Properties();
                    properties.setProperty("user", "postgres");
                    String password = System.getenv("PROBE_PASSWORD");
                    if (password != null) {
                        properties.setProperty("password", password);
                    }
                    try (var connection = DriverManager.getConnection(args[0], properties)) {
                        System.out.println("tcp: connected");
                    } catch (java.sql.SQLException e) {
                        System.out.println("tcp: refused " + e.getSQLState());
                    }
                    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[1])))) {
                        System.out.println("socket: connected");
                    } catch (Exception e) {
                        System.out.println("socket: refused " + e.getClass().getSimpleName());
                    }
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void anotherOsUserCannotConnectOverLoopbackOrTheSocket() throws Exception {
        assumeThat(OwnerOnly.currentUid()).as("needs root to run a probe as another OS user (nobody)").isZero();
        assumeThat(Path.of("/usr/sbin/runuser")).as("needs runuser").exists();
        Path probe = probeDirectory();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().nonDurable().start()) {
            String socket = server.socketDirectory().resolve(".s.PGSQL." + server.port()).toString();
            String other = run(probe, List.of("/usr/sbin/runuser", "-u", "nobody", "--"), server.jdbcUrl("postgres"),
                    socket, Map.of());
            assertThat(other).contains("tcp: refused 08004").contains("socket: refused");

            String self = run(probe, List.of(), server.jdbcUrl("postgres"), socket,
                    Map.of("PROBE_PASSWORD", server.password()));
            assertThat(self).contains("tcp: connected").contains("socket: connected");
        } finally {
            Binaries.deleteTree(probe);
        }
    }

    /** The probe and pgjdbc in a directory nobody may read (the test's own class path is under root's home). */
    private static Path probeDirectory() throws Exception {
        Path probe = Files.createTempDirectory(Path.of("/tmp"), "strata-probe");
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(probe.resolve("Probe.java"), PROBE);
        Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(driver, probe.resolve("postgresql.jar"));
        for (String file : List.of("Probe.java", "postgresql.jar")) {
            Files.setPosixFilePermissions(probe.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
        return probe;
    }

    private static String run(Path probe, List<String> asUser, String url, String socket, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asUser);
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                probe.resolve("postgresql.jar").toString(), probe.resolve("Probe.java").toString(), url, socket));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(probe.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
