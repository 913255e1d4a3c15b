package dev.strata.migrations.lint;

import java.util.Optional;

/**
 * A rule's verdict on one statement.
 *
 * @param relation   the existing relation it is about
 * @param message    what happens, with the measured lock, rewrite or scan and the relation's size in the target
 * @param fix        the safe way to write it, as SQL
 * @param suppressed the reason of the {@code -- strata:allow} line that silences it, if any
 */
public record Finding(String rule, Severity severity, String relation, String message, String fix,
                      Optional<String> suppressed) {
    Finding suppressedBecause(String reason) {
        return new Finding(rule, severity, relation, message, fix, Optional.of(reason));
    }
}
