package dev.strata.bench;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.Location;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated files are valid PostgreSQL for every tool of the benchmark: applied here by Strata and Flyway. */
class GeneratedMigrationsApplyTest {
    private static BenchServer server;

    @BeforeAll
    static void start(@TempDir Path work) {
        server = BenchServer.embedded(work);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void strataAppliesThemAndTheSchemaHasEveryKindOfObject(@TempDir Path directory) throws SQLException {
        Path migrations = directory.resolve("migrations");
        MigrationGenerator.generate(25, migrations);
        server.createDatabase("gen_strata");
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(migrations)));
        MigrateResult result = new Migrator(() -> server.open("gen_strata"), settings).migrate();

        assertThat(result.applied()).hasSize(25);
        try (Connection connection = server.open("gen_strata")) {
            assertThat(count(connection, "select count(*) from pg_tables where tablename like 'entity\\_%'")).isEqualTo(5);
            assertThat(count(connection, "select count(*) from pg_views where viewname like 'entity\\_%'")).isEqualTo(5);
            assertThat(count(connection, "select count(*) from pg_proc where proname like 'entity\\_%'")).isEqualTo(10);
            assertThat(count(connection, "select count(*) from pg_trigger where tgname like 'trg\\_entity\\_%'")).isEqualTo(5);
            assertThat(count(connection, "select count(*) from pg_constraint where contype = 'f'")).isEqualTo(4);
            assertThat(count(connection, "select count(*) from entity_5")).isEqualTo(20);
        }
        server.dropDatabase("gen_strata");
    }

    @Test
    void flywayAppliesThemToo(@TempDir Path directory) throws SQLException {
        Path migrations = directory.resolve("migrations");
        MigrationGenerator.generate(10, migrations);
        server.createDatabase("gen_flyway");
        FlywayMain.run("migrate", server.jdbcUrl("gen_flyway"), server.user(), server.password().orElse(null),
                migrations);
        FlywayMain.run("validate", server.jdbcUrl("gen_flyway"), server.user(), server.password().orElse(null),
                migrations);

        try (Connection connection = server.open("gen_flyway")) {
            assertThat(count(connection, "select count(*) from flyway_schema_history where success")).isEqualTo(10);
        }
        server.dropDatabase("gen_flyway");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
