package dev.strata.spring;

import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.strata.spring.TestApplications.start;
import static dev.strata.spring.TestApplications.strataFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Flyway and Liquibase (with Spring Boot's auto-configuration of each) on the class path at the same time as Strata;
 * the test application.properties disables both, each test enables the one it is about.
 */
class OtherMigrationToolsTest {
    private StandaloneTestDatabase database;

    @BeforeEach
    void createEmptyDatabase() {
        database = StandaloneTestDatabase.empty();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void anEnabledFlywayStopsTheStartBeforeEitherToolMigrates() {
        Throwable failure = catchThrowable(() -> start(database, "spring.flyway.enabled=true",
                "strata.migrate-at-start=true"));

        assertThat(strataFailure(failure)).isInstanceOf(MigrationToolConflictException.class).hasMessage(
                "Flyway (org.flywaydb.core.Flyway) is on the class path next to Strata, and Spring Boot runs it at"
                        + " start-up unless spring.flyway.enabled=false: two tools would migrate the same database");
        assertThat(strataFailure(failure).hint()).contains("spring.flyway.enabled=false", "strata.enabled=false",
                "strata.allow-other-migration-tools=true");
        assertThat(tables()).doesNotContain("flyway_schema_history", "strata_schema_history", "accounts");
    }

    @Test
    void aDisabledFlywayIsNoConflict() {
        try (ConfigurableApplicationContext context = start(database, "spring.flyway.enabled=false",
                "strata.migrate-at-start=true")) {
            assertThat(tables()).contains("strata_schema_history", "accounts").doesNotContain("flyway_schema_history");
        }
    }

    @Test
    void whenAllowedBothRunEachWithItsOwnFilesAndHistory() {
        try (ConfigurableApplicationContext context = start(database, "spring.flyway.enabled=true",
                "spring.flyway.locations=classpath:db/flyway", "strata.allow-other-migration-tools=true",
                // Flyway's objects are there before Strata's first run: the engine's non-empty guard needs this.
                "strata.allow-non-empty=true", "strata.migrate-at-start=true")) {
            assertThat(tables()).contains("flyway_schema_history", "audit_log", "strata_schema_history", "accounts");
        }
    }

    @Test
    void evenWhenAllowedTheyNeverShareALocation() {
        Throwable failure = catchThrowable(() -> start(database, "spring.flyway.enabled=true",
                "strata.allow-other-migration-tools=true", "strata.migrate-at-start=true"));

        assertThat(strataFailure(failure)).isInstanceOf(MigrationToolConflictException.class).hasMessage(
                "Flyway and Strata would both apply the files in classpath:db/migration"
                        + " (spring.flyway.locations=classpath:db/migration, strata.locations=[classpath:db/migration])");
    }

    @Test
    void anEnabledLiquibaseStopsTheStartBeforeEitherToolMigrates() {
        Throwable failure = catchThrowable(() -> start(database, "spring.liquibase.enabled=true",
                "spring.liquibase.change-log=classpath:db/changelog/changelog.sql", "strata.migrate-at-start=true"));

        assertThat(strataFailure(failure)).isInstanceOf(MigrationToolConflictException.class).hasMessage(
                "Liquibase (liquibase.integration.spring.SpringLiquibase) is on the class path next to Strata, and"
                        + " Spring Boot runs it at start-up unless spring.liquibase.enabled=false: two tools would"
                        + " migrate the same database");
        assertThat(strataFailure(failure).hint()).contains("spring.liquibase.enabled=false", "strata.enabled=false",
                "strata.allow-other-migration-tools=true", "strata baseline").doesNotContain("adopt --from flyway");
        assertThat(tables()).doesNotContain("databasechangelog", "audit_trail", "strata_schema_history", "accounts");
    }

    @Test
    void whenAllowedLiquibaseAndStrataBothRunEachWithItsOwnFilesAndHistory() {
        try (ConfigurableApplicationContext context = start(database, "spring.liquibase.enabled=true",
                "spring.liquibase.change-log=classpath:db/changelog/changelog.sql",
                "strata.allow-other-migration-tools=true", "strata.allow-non-empty=true",
                "strata.migrate-at-start=true")) {
            assertThat(tables()).contains("databasechangelog", "audit_trail", "strata_schema_history", "accounts");
        }
    }

    @Test
    void evenWhenAllowedStrataNeverReadsLiquibasesChangelogFolder() {
        Throwable failure = catchThrowable(() -> start(database, "spring.liquibase.enabled=true",
                "spring.liquibase.change-log=classpath:/db/migration/changelog.sql",
                "strata.allow-other-migration-tools=true", "strata.migrate-at-start=true"));

        assertThat(strataFailure(failure)).isInstanceOf(MigrationToolConflictException.class).hasMessage(
                "Liquibase's changelog classpath:/db/migration/changelog.sql is in Strata's location"
                        + " classpath:db/migration (spring.liquibase.change-log=classpath:/db/migration/changelog.sql,"
                        + " strata.locations=[classpath:db/migration]): Strata would read Liquibase's files as its own"
                        + " migrations");
        assertThat(tables()).doesNotContain("databasechangelog", "strata_schema_history", "accounts");
    }

    private java.util.List<String> tables() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(database.info().jdbcUrl());
        database.info().user().ifPresent(dataSource::setUser);
        database.password().ifPresent(dataSource::setPassword);
        return new JdbcTemplate(dataSource).queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
    }
}
