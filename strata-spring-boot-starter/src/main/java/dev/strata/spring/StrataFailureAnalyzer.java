package dev.strata.spring;

import dev.strata.migrations.core.StrataException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused by Strata reads as Strata's message and hint, not as a chain of bean creation errors. */
class StrataFailureAnalyzer extends AbstractFailureAnalyzer<StrataException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StrataException cause) {
        return new FailureAnalysis("Strata refused to start the application: " + cause.getMessage(),
                cause.hint().isEmpty() ? "see the message above" : cause.hint(), cause);
    }
}
