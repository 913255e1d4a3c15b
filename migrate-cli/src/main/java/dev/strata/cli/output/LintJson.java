package dev.strata.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.strata.migrations.lint.Finding;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.RelationLock;
import dev.strata.migrations.lint.StatementFacts;
import dev.strata.migrations.lint.StatementReview;

import java.util.List;

/**
 * {@code strata lint --output json}, bound by Jackson like {@link JsonValues}: per statement {@code file},
 * {@code line}, {@code locks} ({@code relation}, {@code mode}, {@code since_line}, {@code existed}), {@code rewrites},
 * {@code scans}, {@code findings} ({@code rule}, {@code severity}, {@code relation}, {@code message}, {@code fix}, and
 * {@code allowed} with the reason when a {@code -- strata:allow} line silences it); {@code locks_measured} false and
 * {@code not_measured} saying why for a statement that ran outside a transaction. The statements' keys are snake case,
 * as they were first published.
 */
final class LintJson {
    private LintJson() {
    }

    /** Every replayed statement, the number of findings left open and the highest of their levels (none: no key). */
    record Lint(List<Statement> statements, int findings,
                @JsonInclude(JsonInclude.Include.NON_NULL) String highest) {
        static Lint of(LintReport report) {
            return new Lint(report.statements().stream().map(Statement::of).toList(), report.open().size(),
                    report.highest().map(severity -> severity.label()).orElse(null));
        }
    }

    /** A replayed statement with what it was measured to do. */
    @JsonPropertyOrder({"file", "line", "sql", "in_transaction", "locks_measured", "not_measured", "locks", "rewrites",
            "scans", "findings"})
    record Statement(String file, int line, String sql, @JsonProperty("in_transaction") boolean inTransaction,
                     @JsonProperty("locks_measured") boolean locksMeasured,
                     @JsonProperty("not_measured") @JsonInclude(JsonInclude.Include.NON_NULL) String notMeasured,
                     List<Lock> locks, List<String> rewrites, List<String> scans, List<FindingValue> findings) {
        static Statement of(StatementReview review) {
            StatementFacts facts = review.facts();
            return new Statement(facts.script(), facts.line(), facts.sql(), facts.inTransaction(),
                    facts.notMeasured().isEmpty(), facts.notMeasured().orElse(null),
                    facts.locks().stream().map(lock -> Lock.of(lock, facts)).toList(), facts.rewrites(), facts.scans(),
                    review.findings().stream().map(FindingValue::of).toList());
        }
    }

    /** A lock the statement held, since which line, and whether its relation existed before the run. */
    @JsonPropertyOrder({"relation", "mode", "since_line", "existed"})
    record Lock(String relation, String mode, @JsonProperty("since_line") int sinceLine, boolean existed) {
        static Lock of(RelationLock lock, StatementFacts facts) {
            return new Lock(lock.relation(), lock.mode().sqlName(), lock.sinceLine(), facts.existed(lock.relation()));
        }
    }

    /** A finding with its fix; {@code allowed} (the reason) only when a {@code -- strata:allow} line silences it. */
    record FindingValue(String rule, String severity, String relation, String message, String fix,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String allowed) {
        static FindingValue of(Finding finding) {
            return new FindingValue(finding.rule(), finding.severity().label(), finding.relation(), finding.message(),
                    finding.fix(), finding.suppressed().orElse(null));
        }
    }
}
