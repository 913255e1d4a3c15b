package dev.strata.migrations.core;

import java.util.List;

/** A migration the plan will apply: its directives, and the statements that will run, in order. */
public record PendingMigration(ResolvedMigration migration, ScriptDirectives directives, List<SqlStatement> statements) {
    public PendingMigration {
        statements = List.copyOf(statements);
    }
}
