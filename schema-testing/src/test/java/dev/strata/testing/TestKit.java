package dev.strata.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a test class (a static nested one, which Surefire does not run by itself) inside a test. */
final class TestKit {

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    /** The failures of the class and its tests, outermost first. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(TestKit::throwable)
                .toList();
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
