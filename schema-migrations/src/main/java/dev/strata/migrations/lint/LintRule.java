package dev.strata.migrations.lint;

import java.util.Optional;
import java.util.function.Function;

/**
 * One rule: its name (as {@code -- strata:allow=} and the docs write it), its severity before the target's sizes weigh
 * in, why it matters, and how it recognises a statement from the measured facts.
 *
 * @param sizeMatters whether a table's size in the target raises or lowers the severity (a lock on a small table is
 *                    brief; a dropped column breaks old code whatever the size)
 * @param detect      the relation and the safe SQL when the rule applies to the statement
 */
public record LintRule(String name, Severity severity, String why, boolean sizeMatters,
                       Function<StatementFacts, Optional<Match>> detect) {

    /** Where a rule applies: the existing relation, what happens to it, and the safe version. */
    public record Match(String relation, String what, String fix) {
    }

    public Optional<Match> check(StatementFacts facts) {
        return detect.apply(facts);
    }
}
