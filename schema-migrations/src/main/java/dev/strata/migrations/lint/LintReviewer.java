package dev.strata.migrations.lint;

import dev.strata.migrations.plan.DirectiveReader.Allowance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the rules to measured facts: each match becomes a finding whose severity the target's size of the relation
 * raises or lowers (for the rules where size matters), and which a {@code -- strata:allow} line may silence.
 */
public final class LintReviewer {
    private final List<LintRule> rules;
    private final TargetSizes sizes;

    public LintReviewer(List<LintRule> rules, TargetSizes sizes) {
        this.rules = List.copyOf(rules);
        this.sizes = sizes;
    }

    /** @throws LintInputException for a {@code -- strata:allow} line that names no rule of this linter */
    public LintReport review(List<FileFacts> files) {
        List<StatementReview> reviews = new ArrayList<>();
        for (FileFacts file : files) {
            for (Allowance allowance : file.allowances()) {
                if (LintRules.named(allowance.rule()).isEmpty()) {
                    throw new LintInputException(file.script() + " line " + allowance.line() + ": strata:allow="
                            + allowance.rule() + " names no lint rule", "the rules are "
                            + String.join(", ", java.util.stream.Stream.concat(LintRules.ALL.stream(),
                                    StyleRules.ALL.stream()).map(LintRule::name).toList())
                            + " (see docs/lint.md)");
                }
            }
            int previousLine = 0;
            for (StatementFacts facts : file.statements()) {
                reviews.add(new StatementReview(facts, findings(facts, previousLine, file.allowances())));
                previousLine = facts.line();
            }
        }
        return new LintReport(reviews);
    }

    private List<Finding> findings(StatementFacts facts, int previousLine, List<Allowance> allowances) {
        List<Finding> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            rule.check(facts).ifPresent(match -> {
                Optional<RelationSize> size = sizes.of(match.relation());
                Severity severity = rule.sizeMatters() ? size.map(s -> s.weigh(rule.severity())).orElse(rule.severity())
                        : rule.severity();
                Finding finding = new Finding(rule.name(), severity, match.relation(),
                        message(facts, match, size), match.fix(), Optional.empty());
                findings.add(allowance(rule, facts, previousLine, allowances)
                        .map(allowed -> finding.suppressedBecause(allowed.reason())).orElse(finding));
            });
        }
        return findings;
    }

    /** E.g. "builds an index without CONCURRENTLY: jobs is locked SHARE (blocks writes) from line 3 to …; 1.2 GB". */
    static String message(StatementFacts facts, LintRule.Match match, Optional<RelationSize> size) {
        StringBuilder text = new StringBuilder(match.what()).append(": ");
        String table = display(match.relation());
        facts.heldOn(match.relation()).ifPresentOrElse(lock -> text.append(table).append(" is locked ")
                .append(lock.mode().sqlName()).append(" (").append(lock.mode().blocks()).append(") ")
                .append(duration(facts, lock)), () -> text.append(table));
        if (facts.rewrites().contains(match.relation())) {
            text.append("; the table is rewritten");
        } else if (facts.scans().contains(match.relation())) {
            text.append("; every row is read");
        }
        text.append("; ").append(size.map(s -> display(match.relation()) + " in the target: " + s.describe())
                .orElse("size unknown"));
        return text.toString();
    }

    private static String duration(StatementFacts facts, RelationLock lock) {
        if (!facts.inTransaction()) {
            return "while the statement runs";
        }
        if (lock.sinceLine() >= facts.lastLine()) {
            return "from line " + lock.sinceLine() + " until the file commits";
        }
        return "from line " + lock.sinceLine() + " to the end of the file (line " + facts.lastLine() + ")";
    }

    /** {@code public.jobs} as {@code jobs}: the schema most files leave out. */
    public static String display(String relation) {
        return relation.startsWith("public.") ? relation.substring("public.".length()) : relation;
    }

    /**
     * The allow line for this rule that covers the statement: one above the file's first statement covers the
     * file; any other covers the first statement below it (it stands after the previous statement's first line).
     */
    private static Optional<Allowance> allowance(LintRule rule, StatementFacts facts, int previousLine,
                                                 List<Allowance> allowances) {
        return allowances.stream().filter(allowed -> allowed.rule().equals(rule.name()))
                .filter(allowed -> allowed.wholeFile()
                        || allowed.line() > previousLine && allowed.line() < facts.line())
                .findFirst();
    }
}
