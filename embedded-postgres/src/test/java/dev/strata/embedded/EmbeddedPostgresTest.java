package dev.strata.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresTest {
    @TempDir
    Path directory;

    @Test
    void durableByDefault() throws SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void nonDurableOnlyWhenAsked() throws SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().nonDurable().start()) {
            assertThat(setting(server, "fsync")).isEqualTo("off");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void everyConnectionNeedsThePassword() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().nonDurable().start()) {
            assertThat(Files.readString(server.dataDirectory().resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#].*\\btrust\\b")
                    .doesNotContainPattern("(?m)^[^#].*\\b(peer|ident|md5|password)\\b");
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), noPassword).close())
                    .isInstanceOf(SQLException.class);
            Properties wrong = new Properties();
            wrong.setProperty("user", "postgres");
            wrong.setProperty("password", "not-the-password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), wrong).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(setting(server, "listen_addresses")).isEqualTo("localhost");
            assertThat(server.toString()).doesNotContain(server.password());
            assertThat(OwnerOnly.problem(server.socketDirectory(), true)).isEmpty();
        }
    }

    @Test
    void keepsAPersistentDataDirectoryAcrossRestartsOnTheSamePortAndPassword() throws SQLException {
        Path data = directory.resolve("pgdata");
        int port;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(data).password("Fixed-Pw-1").start()) {
            port = server.port();
            execute(server, "create table kept (id int)");
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(data).port(port)
                .password("Fixed-Pw-1").start()) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(setting(server, "server_version_num")).isNotEmpty();
            execute(server, "insert into kept values (1)");
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    static String setting(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection connection = server.dataSource("postgres").getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = server.dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
