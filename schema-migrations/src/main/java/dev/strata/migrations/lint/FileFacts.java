package dev.strata.migrations.lint;

import dev.strata.migrations.plan.DirectiveReader.Allowance;

import java.util.List;

/** One replayed file: each statement's facts, and the file's {@code -- strata:allow} lines. */
public record FileFacts(String script, List<StatementFacts> statements, List<Allowance> allowances) {
    public FileFacts {
        statements = List.copyOf(statements);
        allowances = List.copyOf(allowances);
    }
}
