package dev.strata.spring;

import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.spring.app.TestApplication;
import dev.strata.spring.test.StrataDatabase;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@code @StrataDatabase} takes the application's {@code strata.migrations.lint} to the test template it migrates. */
class StrataDatabaseLintGateTest {

    @Test
    void theApplicationsGateRefusesTheTemplateListingTheFinding() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(GatedExample.class))
                .execute().testEvents().failed().list();

        assertThat(failures).hasSize(1);
        Throwable failure = failures.get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        Throwable refusal = failure;
        while (refusal != null && !(refusal instanceof LintFindingsException)) {
            refusal = refusal.getCause();
        }
        assertThat(refusal).as("the gate's refusal, in the context's failure").isNotNull()
                .hasMessageContaining("migrations.lint = \"error\" refused to migrate template database")
                .hasMessageContaining("V2__rename_account_name.sql line 2: error: rename-column");
    }

    /** Run only by the test above (surefire leaves nested classes alone). */
    @SpringBootTest(classes = TestApplication.class, properties = {
            "strata.locations=classpath:db/behind,classpath:db/lint", "strata.verify-at-start=false",
            "strata.migrations.lint=error"})
    @StrataDatabase
    static class GatedExample {
        @Test
        void neverRuns() {
        }
    }
}
