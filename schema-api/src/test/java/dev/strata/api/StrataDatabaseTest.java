package dev.strata.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

/** {@link StrataDatabase}: configuration to pool, auto-migration before the pool, errors, no secrets shown. */
class StrataDatabaseTest {
    private static final String SECRET = "s3cret-Pa55word";

    @BeforeAll
    static void createRole() throws SQLException {
        try (Connection connection = TestPostgres.server().dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = 'strata_app') then"
                    + " create role strata_app login password '" + SECRET + "'; end if; end $$");
        }
    }

    @Test
    void autoMigrateAppliesPendingMigrationsBeforeThePoolIsHandedOut() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseTest.class);
        StrataConfig config = database.config(Map.of("STRATA_DATABASE__AUTO_MIGRATE", "true",
                "STRATA_DATABASE__POOL_SIZE", "3", "STRATA_DATABASE__CONNECT_TIMEOUT", "2s"));

        try (StrataDatabase db = new StrataDatabase(config)) {
            assertThat(db.migration()).hasValueSatisfying(result -> assertThat(result.applied()).hasSize(4));
            db.verifySchema(FixtureSchema.INSTANCE);
            assertThat(db.dsl().fetchCount(table("invoices"))).isZero();
            assertThat(db.dsl().settings().isReturnAllOnUpdatableRecord())
                    .as("store() reads back defaults and trigger-set columns").isTrue();
            HikariDataSource pool = (HikariDataSource) db.dataSource();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(2).toMillis());
            assertThat(pool.getDataSourceProperties().getProperty("ApplicationName")).isEqualTo("strata");
        }
        try (StrataDatabase again = new StrataDatabase(config)) {
            assertThat(again.migration()).hasValueSatisfying(result -> assertThat(result.nothingToDo()).isTrue());
        }
    }

    @Test
    void withoutAutoMigrateNothingIsAppliedAndTheGuardSaysBehind() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseTest.class);
        try (StrataDatabase db = new StrataDatabase(database.config(Map.of()))) {
            assertThat(db.migration()).isEmpty();
            assertThatThrownBy(() -> db.verifySchema(FixtureSchema.INSTANCE))
                    .isInstanceOf(SchemaMismatchException.class)
                    .hasMessageStartingWith(database.jdbcUrl() + " does not match this build's schema")
                    .hasMessageContaining("behind: 4 migrations pending");
        }
    }

    @Test
    void aUrlIsRequiredAndTheErrorSaysWhereToSetIt() {
        StrataConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Optional.empty());
        assertThatThrownBy(() -> new StrataDatabase(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("STRATA_DATABASE__URL");
    }

    @Test
    void anUnreachableServerIsAConnectionErrorNamingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://strata_app:" + SECRET + "@localhost:" + closedPort + "/nowhere";
        StrataConfig config = ConfigLoader.load(Optional.empty(), Map.of("STRATA_DATABASE__URL", url,
                "STRATA_DATABASE__CONNECT_TIMEOUT", "1s"), Optional.empty());
        assertThatThrownBy(() -> new StrataDatabase(config))
                .isInstanceOf(DatabaseConnectionException.class)
                .hasMessageContaining("localhost:" + closedPort)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void passwordsAreNeitherInToStringNorInThePoolsLog() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseTest.class);
        String inlinePassword = "postgresql://strata_app:" + SECRET + "@localhost:" + database.port() + "/"
                + database.name();
        StrataConfig fromKey = ConfigLoader.load(Optional.empty(), Map.of("STRATA_DATABASE__URL",
                "postgresql://localhost:" + database.port() + "/" + database.name(),
                "STRATA_DATABASE__USER", "strata_app", "STRATA_DATABASE__PASSWORD", SECRET), Optional.empty());
        StrataConfig fromUrl = ConfigLoader.load(Optional.empty(), Map.of("STRATA_DATABASE__URL", inlinePassword),
                Optional.empty());

        for (StrataConfig config : new StrataConfig[] {fromKey, fromUrl}) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            String shown;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try (StrataDatabase db = new StrataDatabase(config)) {
                assertThat(db.dsl().fetchValue("select current_user")).isEqualTo("strata_app");
                shown = db.toString();
            } finally {
                System.setErr(originalErr);
            }
            String logged = log.toString(StandardCharsets.UTF_8);
            assertThat(logged).as("HikariCP's configuration dump was captured").contains("dataSourceProperties");
            assertThat(logged).doesNotContain(SECRET);
            assertThat(shown).doesNotContain(SECRET).contains("poolSize=10").contains("autoMigrate=false");
        }
    }
}
