package dev.strata.spring;

import dev.strata.api.SchemaMismatchException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.spring.app.AccountRepository;
import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static dev.strata.spring.TestApplications.start;
import static dev.strata.spring.TestApplications.strataFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The application's start on an empty, a behind and a drifted database: each test has an empty database of its own. */
class StartupTest {
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
    void migrateAtStartMigratesAnEmptyDatabaseBeforeTheRepositoryReadsIt() {
        try (ConfigurableApplicationContext context = start(database, "strata.migrate-at-start=true")) {
            // The repository counted accounts in its constructor: the table existed by then.
            assertThat(context.getBean(AccountRepository.class).countAtStart()).isZero();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select script from strata_schema_history order by installed_rank",
                    String.class)).containsExactly("V1__create_accounts.sql", "V2__add_account_email.sql");
        }
        try (ConfigurableApplicationContext again = start(database)) {
            assertThat(again.getBean(AccountRepository.class).countAtStart()).isZero(); // verified, nothing to migrate
        }
    }

    @Test
    void verifyAtStartRefusesADatabaseThatIsBehind() {
        start(database, "strata.locations=classpath:db/behind", "strata.migrate-at-start=true",
                "strata.verify-at-start=false").close();

        Throwable failure = catchThrowable(() -> start(database));

        assertThat(strataFailure(failure)).isInstanceOf(SchemaMismatchException.class).hasMessage(
                "the application's DataSource (" + database.info().jdbcUrl() + ") does not match this build's schema"
                        + " (version 2, dev.strata.spring.app.SchemaVersion):\n"
                        + "  behind: 1 migration pending: 2 (V2__add_account_email.sql)");
    }

    @Test
    void verifyAtStartRefusesADriftedDatabase() {
        start(database, "strata.locations=classpath:db/drifted", "strata.migrate-at-start=true",
                "strata.verify-at-start=false").close();

        Throwable failure = catchThrowable(() -> start(database));

        assertThat(strataFailure(failure)).isInstanceOf(SchemaMismatchException.class).hasMessage(
                "the application's DataSource (" + database.info().jdbcUrl() + ") does not match this build's schema"
                        + " (version 2, dev.strata.spring.app.SchemaVersion):\n"
                        + "  drifted: 1 file edited after it was applied: 1 (V1__create_accounts.sql): checksum"
                        + " recorded " + checksumOfV1In("db/drifted") + " vs expected " + checksumOfV1In("db/migration"));
    }

    @Test
    void anInvalidPropertyIsNamedWithTheEngineKeyItSets() {
        Throwable failure = catchThrowable(() -> start(database, "strata.layout=flyway"));

        assertThat(strataFailure(failure)).isInstanceOf(ConfigurationException.class).hasMessage(
                "migrations.layout (from Spring property strata.layout) is 'flyway': expected one of strata, sqlx,"
                        + " golang-migrate, dbmate, diesel, goose, popx, temporal-sql-tool, auto");
    }

    private static String checksumOfV1In(String path) {
        return new MigrationResolver(StartupTest.class.getClassLoader(), Layout.STRATA)
                .resolve(List.of(new Location.Classpath(path))).migrations().get(0).checksum().toString();
    }
}
