package dev.strata.migrations.lint;

import java.util.List;

/** One statement's facts and the findings on it (suppressed ones included, marked as such). */
public record StatementReview(StatementFacts facts, List<Finding> findings) {
    public StatementReview {
        findings = List.copyOf(findings);
    }
}
