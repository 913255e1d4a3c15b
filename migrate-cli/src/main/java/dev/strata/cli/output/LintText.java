package dev.strata.cli.output;

import dev.strata.migrations.lint.Finding;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.LintReviewer;
import dev.strata.migrations.lint.LintRule;
import dev.strata.migrations.lint.LintRules;
import dev.strata.migrations.lint.RelationLock;
import dev.strata.migrations.lint.Severity;
import dev.strata.migrations.lint.StatementFacts;
import dev.strata.migrations.lint.StatementReview;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code strata lint} as a reviewer would write it: per statement with findings, what it holds, the rule, the fix. */
public final class LintText {
    private static final int MAX_STATEMENT_LINES = 6;

    private LintText() {
    }

    public static void print(LintReport report, String what, PrintWriter out) {
        out.println("Lint of " + what);
        long files = report.statements().stream().map(review -> review.facts().script()).distinct().count();
        for (StatementReview review : report.statements()) {
            if (!review.findings().isEmpty() || review.facts().notMeasured().isPresent()) {
                printStatement(review, out);
            }
        }
        out.println();
        out.println(summary(report, files));
        out.flush();
    }

    private static void printStatement(StatementReview review, PrintWriter out) {
        StatementFacts facts = review.facts();
        out.println();
        out.println(facts.script() + " line " + facts.line() + ":");
        List<String> lines = facts.sql().strip().lines().toList();
        lines.stream().limit(MAX_STATEMENT_LINES).forEach(line -> out.println("    " + line));
        if (lines.size() > MAX_STATEMENT_LINES) {
            out.println("    … " + (lines.size() - MAX_STATEMENT_LINES) + " more lines");
        }
        for (RelationLock lock : facts.acquired()) {
            if (facts.existed(lock.relation())) {
                out.println("  holds " + lock.mode().sqlName() + " on " + LintReviewer.display(lock.relation()) + " ("
                        + lock.mode().blocks() + ")" + (facts.inTransaction() && facts.lastLine() > facts.line()
                        ? " until the file's end (line " + facts.lastLine() + ")" : ""));
            }
        }
        facts.notMeasured().ifPresent(reason -> out.println("  " + reason));
        for (Finding finding : review.findings()) {
            out.println("  " + (finding.suppressed().isPresent() ? "allowed (" + finding.suppressed().get() + "): "
                    : finding.severity().label() + ": ") + finding.rule() + ": " + finding.message());
            if (finding.suppressed().isEmpty()) {
                LintRules.named(finding.rule()).map(LintRule::why).ifPresent(why -> out.println("    why: " + why));
                out.println("    safe version:");
                finding.fix().lines().forEach(line -> out.println("      " + line));
            }
        }
    }

    /** The count of statements whose locks were not measured, after the summary's sentence; empty when none. */
    private static String notMeasured(LintReport report) {
        long count = report.statements().stream().filter(review -> review.facts().notMeasured().isPresent()).count();
        return count == 0 ? "" : "; the locks of " + count + (count == 1 ? " statement" : " statements")
                + " outside a transaction were not measured";
    }

    private static String summary(LintReport report, long files) {
        int statements = report.statements().size();
        String checked = statements + (statements == 1 ? " statement" : " statements") + " in " + files
                + (files == 1 ? " file" : " files");
        List<Finding> open = report.open();
        long allowed = report.statements().stream().flatMap(review -> review.findings().stream())
                .filter(finding -> finding.suppressed().isPresent()).count();
        String allowedText = (allowed == 0 ? "" : " (" + allowed + " allowed)") + notMeasured(report);
        if (open.isEmpty()) {
            return "No findings in " + checked + allowedText + ".";
        }
        Map<Severity, Long> counts = new TreeMap<>(java.util.Comparator.reverseOrder());
        open.forEach(finding -> counts.merge(finding.severity(), 1L, Long::sum));
        StringBuilder text = new StringBuilder().append(open.size()).append(open.size() == 1 ? " finding" : " findings")
                .append(" in ").append(checked).append(": ");
        counts.forEach((severity, count) -> text.append(count).append(' ').append(severity.label())
                .append(count == 1 ? "" : "s").append(", "));
        text.setLength(text.length() - 2);
        return text.append(allowedText).append('.').toString();
    }
}
