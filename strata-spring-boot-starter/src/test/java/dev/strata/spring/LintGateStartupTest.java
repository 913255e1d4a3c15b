package dev.strata.spring;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.spring.app.TestApplication;
import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static dev.strata.spring.TestApplications.start;
import static dev.strata.spring.TestApplications.strataFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code strata.migrations.lint} before {@code strata.migrate-at-start}: the application's database has the first
 * release (V1), and the second (V2) renames a column the first release's code uses. Each test has its own database;
 * the scratch database the gate replays on is made on the same server.
 */
@ExtendWith(OutputCaptureExtension.class)
class LintGateStartupTest {
    private static final String SECOND_RELEASE = "strata.locations=classpath:db/behind,classpath:db/lint";
    private static final String FINDING = "V2__rename_account_name.sql line 2: error: rename-column: renames column"
            + " name to full_name";

    private StandaloneTestDatabase database;

    @BeforeEach
    void firstReleaseApplied() {
        database = StandaloneTestDatabase.empty();
        new Migrator(ConnectionSource.of(dataSource(), "the test database"), MigrationSettings.defaults()
                .withLocations(List.of(new Location.Classpath("db/behind"))), getClass().getClassLoader(),
                ExecutionListener.NONE).migrate();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void errorRefusesTheStartListingTheFindingAndAppliesNothing() {
        Throwable failure = catchThrowable(() -> start(database, SECOND_RELEASE, "strata.migrate-at-start=true",
                "strata.verify-at-start=false", "strata.migrations.lint=error"));

        assertThat(strataFailure(failure)).isInstanceOf(LintFindingsException.class)
                .hasMessageStartingWith("migrations.lint = \"error\" refused to migrate the application's DataSource ("
                        + database.info().jdbcUrl() + "): 1 lint finding at or above error remains:\n  " + FINDING);
        assertThat(scripts()).containsExactly("V1__create_accounts.sql");
        assertThat(scratchDatabases()).as("the scratch database is dropped").isZero();
    }

    @Test
    void warnLogsTheFindingAndMigrates(CapturedOutput output) {
        start(database, SECOND_RELEASE, "strata.migrate-at-start=true", "strata.verify-at-start=false",
                "strata.migrations.lint=warn").close();

        assertThat(output.getOut()).contains("LoggedLintGate - " + FINDING);
        assertThat(scripts()).containsExactly("V1__create_accounts.sql", "V2__rename_account_name.sql");
    }

    @Test
    void offMigratesWithoutLinting(CapturedOutput output) {
        start(database, SECOND_RELEASE, "strata.migrate-at-start=true", "strata.verify-at-start=false").close();

        assertThat(output.getOut()).doesNotContain("rename-column");
        assertThat(scripts()).containsExactly("V1__create_accounts.sql", "V2__rename_account_name.sql");
    }

    @Test
    void aDataSourceSpringBootDidNotConfigureHasNoServerToLintOnAndTheStartIsRefused() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TestApplication.class,
                OwnDataSource.class).web(WebApplicationType.NONE).properties(Map.of("strata.test.url",
                database.info().jdbcUrl(), "strata.test.user", database.info().user().orElse(""),
                "strata.test.password", database.password().orElse(""))).run("--" + SECOND_RELEASE,
                "--strata.migrate-at-start=true", "--strata.verify-at-start=false", "--strata.migrations.lint=warn"));

        assertThat(strataFailure(failure)).isInstanceOf(ConfigurationException.class).hasMessageStartingWith(
                "strata.migrations.lint=warn replays the pending migrations on a scratch database created on the"
                        + " server of the DataSource Strata migrates, and Spring Boot's connection details");
        assertThat(scripts()).containsExactly("V1__create_accounts.sql");
    }

    /** The application's own pool: Spring Boot configures no DataSource, so it has no connection details. */
    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {
        @Bean
        DataSource dataSource(Environment environment) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(environment.getRequiredProperty("strata.test.url"));
            dataSource.setUser(environment.getRequiredProperty("strata.test.user"));
            dataSource.setPassword(environment.getRequiredProperty("strata.test.password"));
            return dataSource;
        }
    }

    private List<String> scripts() {
        return jdbc().queryForList("select script from strata_schema_history order by installed_rank", String.class);
    }

    private int scratchDatabases() {
        return jdbc().queryForObject("select count(*) from pg_database where datname like 'strata_scratch_%'",
                Integer.class);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    private DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.info().jdbcUrl());
        database.info().user().ifPresent(dataSource::setUser);
        database.password().ifPresent(dataSource::setPassword);
        return dataSource;
    }
}
