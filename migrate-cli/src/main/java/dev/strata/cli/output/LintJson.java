package dev.strata.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.migrations.lint.Finding;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.RelationLock;
import dev.strata.migrations.lint.StatementFacts;
import dev.strata.migrations.lint.StatementReview;

/**
 * {@code strata lint --output json}: per statement {@code file}, {@code line}, {@code locks} ({@code relation},
 * {@code mode}, {@code since_line}, {@code existed}), {@code rewrites}, {@code scans}, {@code findings} ({@code rule},
 * {@code severity}, {@code relation}, {@code message}, {@code fix}, and {@code allowed} with the reason when a
 * {@code -- strata:allow} line silences it); {@code locks_measured} false and {@code not_measured} saying why for a
 * statement that ran outside a transaction.
 */
final class LintJson {
    private LintJson() {
    }

    static ArrayNode statements(LintReport report) {
        ArrayNode statements = JsonNodeFactory.instance.arrayNode();
        for (StatementReview review : report.statements()) {
            StatementFacts facts = review.facts();
            ObjectNode statement = statements.addObject();
            statement.put("file", facts.script());
            statement.put("line", facts.line());
            statement.put("sql", facts.sql());
            statement.put("in_transaction", facts.inTransaction());
            statement.put("locks_measured", facts.notMeasured().isEmpty());
            facts.notMeasured().ifPresent(reason -> statement.put("not_measured", reason));
            ArrayNode locks = statement.putArray("locks");
            for (RelationLock lock : facts.locks()) {
                locks.addObject().put("relation", lock.relation()).put("mode", lock.mode().sqlName())
                        .put("since_line", lock.sinceLine()).put("existed", facts.existed(lock.relation()));
            }
            ArrayNode rewrites = statement.putArray("rewrites");
            facts.rewrites().forEach(rewrites::add);
            ArrayNode scans = statement.putArray("scans");
            facts.scans().forEach(scans::add);
            ArrayNode findings = statement.putArray("findings");
            for (Finding finding : review.findings()) {
                ObjectNode node = findings.addObject().put("rule", finding.rule())
                        .put("severity", finding.severity().label()).put("relation", finding.relation())
                        .put("message", finding.message()).put("fix", finding.fix());
                finding.suppressed().ifPresent(reason -> node.put("allowed", reason));
            }
        }
        return statements;
    }
}
