package dev.strata.migrations.lint;

import java.util.List;
import java.util.Optional;

/** Every replayed statement with its findings, file by file, in the order they ran. */
public record LintReport(List<StatementReview> statements) {
    public LintReport {
        statements = List.copyOf(statements);
    }

    /** The findings no {@code -- strata:allow} silences. */
    public List<Finding> open() {
        return statements.stream().flatMap(review -> review.findings().stream())
                .filter(finding -> finding.suppressed().isEmpty()).toList();
    }

    public Optional<Severity> highest() {
        return open().stream().map(Finding::severity).max(Enum::compareTo);
    }

    /** Whether an open finding is at or above {@code level}. */
    public boolean reaches(Severity level) {
        return highest().filter(severity -> severity.compareTo(level) >= 0).isPresent();
    }
}
