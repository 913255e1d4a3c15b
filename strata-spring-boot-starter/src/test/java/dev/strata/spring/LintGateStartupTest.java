package dev.strata.spring;

import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

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
        start(database, "strata.locations=classpath:db/behind", "strata.migrate-at-start=true",
                "strata.verify-at-start=false").close();
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

    private List<String> scripts() {
        return jdbc().queryForList("select script from strata_schema_history order by installed_rank", String.class);
    }

    private int scratchDatabases() {
        return jdbc().queryForObject("select count(*) from pg_database where datname like 'strata_scratch_%'",
                Integer.class);
    }

    private JdbcTemplate jdbc() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(database.info().jdbcUrl());
        database.info().user().ifPresent(dataSource::setUser);
        database.password().ifPresent(dataSource::setPassword);
        return new JdbcTemplate(dataSource);
    }
}
