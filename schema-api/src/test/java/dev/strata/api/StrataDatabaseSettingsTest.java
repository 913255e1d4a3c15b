package dev.strata.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.core.SchemaTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

/** {@link StrataDatabase} on the application's own {@code DataSource}, and with its settings from code. */
class StrataDatabaseSettingsTest {

    @Test
    void aWrappedDataSourceIsMigratedUsedAndLeftOpen() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseSettingsTest.class);
        try (HikariDataSource applicationPool = pool(database)) {
            try (StrataDatabase db = StrataDatabase.builder().dataSource(applicationPool).autoMigrate(true).build()) {
                assertThat(db.dataSource()).isSameAs(applicationPool);
                assertThat(db.migration()).hasValueSatisfying(result -> assertThat(result.applied()).hasSize(4));
                db.verifySchema(FixtureSchema.INSTANCE);
                db.dsl().execute("insert into accounts (email) values ('a@example.com')");
                assertThat(db.dsl().fetchCount(table("accounts"))).isEqualTo(1);
                assertThat(db.toString()).contains("dataSource=the application's DataSource (" + HikariDataSource.class.getName());
            }
            assertThat(applicationPool.isClosed()).as("the application's pool belongs to the application").isFalse();
            assertThat(database.dsl().fetchCount(table("accounts"))).isEqualTo(1);
        }
    }

    @Test
    void aWrappedDataSourceWithoutAutoMigrateIsOnlyChecked() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseSettingsTest.class);
        try (StrataDatabase db = StrataDatabase.builder().dataSource(database.dataSource()).build()) {
            assertThat(db.migration()).isEmpty();
            assertThatThrownBy(() -> db.verifySchema(FixtureSchema.INSTANCE))
                    .isInstanceOf(SchemaMismatchException.class)
                    .hasMessageStartingWith("the application's DataSource (")
                    .hasMessageContaining("behind: 4 migrations pending");
        }
    }

    @Test
    void everySettingCanComeFromCode() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseSettingsTest.class);
        SchemaTable auditLog = new SchemaTable("audit", "schema_log");
        try (StrataDatabase db = StrataDatabase.builder()
                .url(database.jdbcUrl())
                .password(TestPostgres.server().password())
                .poolSize(3)
                .connectTimeout(Duration.ofSeconds(2))
                .locations("classpath:db/migration")
                .historyTable("audit", "schema_log")
                .autoMigrate(true)
                .build()) {
            assertThat(db.config().migrations().historyTable()).isEqualTo(auditLog);
            assertThat(db.migration()).hasValueSatisfying(result -> assertThat(result.applied()).hasSize(4));
            db.verifySchema(FixtureSchema.INSTANCE);
            assertThat(db.dsl().fetchValue("select to_regclass('audit.schema_log')::text")).isEqualTo("audit.schema_log");
            HikariDataSource pool = (HikariDataSource) db.dataSource();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(2).toMillis());
        }
    }

    @Test
    void codeOverridesAConfigurationFile(@TempDir Path directory) throws IOException {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseSettingsTest.class);
        Path file = Files.writeString(directory.resolve("strata.toml"),
                "[database]\nurl = \"" + database.jdbcUrl() + "\"\npool_size = 4\n");
        try (StrataDatabase db = StrataDatabase.builder(file).password(TestPostgres.server().password())
                .autoMigrate(true).build()) {
            assertThat(db.migration()).hasValueSatisfying(result -> assertThat(result.applied()).hasSize(4));
            assertThat(((HikariDataSource) db.dataSource()).getMaximumPoolSize()).as("kept from the loaded file").isEqualTo(4);
        }
    }

    @Test
    void badValuesFromCodeAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> StrataDatabase.builder().poolSize(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("StrataDatabase.builder().poolSize(0) sets database.pool_size out of range")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint())
                        .isEqualTo("database.pool_size must be a number from 1 to 1000"));
        assertThatThrownBy(() -> StrataDatabase.builder().connectTimeout(Duration.ofMillis(500)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("database.connect_timeout");
        assertThatThrownBy(() -> StrataDatabase.builder().locations("db/migration"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locations(db/migration) sets migrations.locations to an invalid value");
        assertThatThrownBy(() -> StrataDatabase.builder().historyTable("audit", "schema-log"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("invalid table name 'schema-log'");
    }

    @Test
    void aUrlAndADataSourceTogetherAreRefused() {
        TestDatabase database = TestPostgres.createDatabase(StrataDatabaseSettingsTest.class);
        assertThatThrownBy(() -> StrataDatabase.builder().url(database.jdbcUrl()).dataSource(database.dataSource()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("both a DataSource and database.url");
        assertThatThrownBy(() -> StrataDatabase.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no database URL configured");
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword(TestPostgres.server().password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
