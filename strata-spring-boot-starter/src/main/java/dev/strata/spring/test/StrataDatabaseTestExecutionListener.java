package dev.strata.spring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** A failing test of a {@link StrataDatabase} class names the database it ran against (as a suppressed note). */
class StrataDatabaseTestExecutionListener implements TestExecutionListener, Ordered {

    @Override
    public void afterTestMethod(TestContext testContext) {
        Throwable failure = testContext.getTestException();
        if (failure == null || !testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (context.containsBean(StrataDatabaseContextCustomizer.BEAN_NAME)) {
            failure.addSuppressed(new StrataTestDatabaseNote(testContext.getTestClass().getName() + " ran against "
                    + context.getBean(StrataDatabaseContextCustomizer.BEAN_NAME)));
        }
    }

    @Override
    public int getOrder() {
        return 5000;
    }

    /** Only a note attached to a failure: it carries no stack trace of its own. */
    static final class StrataTestDatabaseNote extends RuntimeException {
        StrataTestDatabaseNote(String message) {
            super(message, null, false, false);
        }
    }
}
