package dev.strata.spring;

import dev.strata.spring.actuate.StrataEndpoint;
import dev.strata.spring.actuate.StrataReport;
import dev.strata.spring.app.AccountRepository;
import dev.strata.spring.app.TestApplication;
import dev.strata.spring.test.StrataDatabase;
import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@code @StrataDatabase} on a {@code @SpringBootTest}, and the actuator's {@code strata} endpoint and health on the
 * database it gives (one context, one database, for the class).
 */
@SpringBootTest(classes = TestApplication.class,
        properties = {"management.endpoints.web.exposure.include=health,strata",
                "management.endpoint.health.show-details=always"})
@StrataDatabase
class StrataDatabaseTest {
    @Autowired
    private AccountRepository accounts;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private StandaloneTestDatabase database;
    @Autowired
    private StrataEndpoint endpoint;
    @Autowired
    private HealthIndicator strataHealthIndicator;

    @Test
    void theContextRunsOnAMigratedDatabaseOfItsOwn() {
        assertThat(jdbc.queryForObject("select current_database()", String.class))
                .isEqualTo(database.info().name()).startsWith("strata_test_");
        long id = accounts.add("Ada", "ada@example.com");
        assertThat(id).isPositive();
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void theEndpointListsEachMigrationWithItsState() {
        StrataReport report = endpoint.report();

        assertThat(report.migrations()).extracting(StrataReport.Migration::script, StrataReport.Migration::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("V1__create_accounts.sql", "APPLIED"),
                        org.assertj.core.groups.Tuple.tuple("V2__add_account_email.sql", "APPLIED"));
        assertThat(report.currentVersion()).isEqualTo("2");
        assertThat(report.upToDate()).isTrue();
        assertThat(report.historyTable()).isEqualTo("public.strata_schema_history");
        assertThat(report.schema().descriptor()).isEqualTo("dev.strata.spring.app.SchemaVersion");
        assertThat(report.schema().matches()).isTrue();
    }

    @Test
    void healthIsDownWhileTheDatabaseDoesNotMatchTheCode() {
        assertThat(strataHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
        String recorded = jdbc.queryForObject("select checksum from strata_schema_history where version = '1'",
                String.class);
        String edited = "sha256:" + "0".repeat(64);
        jdbc.update("update strata_schema_history set checksum = ? where version = '1'", edited);
        try {
            Health health = strataHealthIndicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("mismatch").toString()).endsWith(
                    "drifted: 1 file edited after it was applied: 1 (V1__create_accounts.sql): checksum recorded "
                            + edited + " vs expected " + recorded);
            assertThat(endpoint.report().schema().matches()).isFalse();
        } finally {
            jdbc.update("update strata_schema_history set checksum = ? where version = '1'", recorded);
        }
    }

    @Test
    void aFailingTestNamesTheDatabaseItRanAgainst() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingExample.class))
                .execute().testEvents().failed().list();

        assertThat(failures).hasSize(1);
        Throwable failure = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
                .matches(java.util.regex.Pattern.quote(FailingExample.class.getName())
                        + " ran against test database strata_test_\\w+ on .+");
    }

    /** Run only by the test above (surefire leaves nested classes alone). */
    @SpringBootTest(classes = TestApplication.class)
    @StrataDatabase
    static class FailingExample {
        @Autowired
        private AccountRepository accounts;

        @Test
        void expectsARowThatIsNotThere() {
            assertThat(accounts.count()).isEqualTo(1);
        }
    }
}
