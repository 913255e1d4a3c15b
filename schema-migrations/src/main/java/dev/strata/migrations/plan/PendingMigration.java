package dev.strata.migrations.plan;

import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.sql.SqlStatement;

import java.util.List;

/** A migration the plan will apply, already split into the statements that will run, in order. */
public record PendingMigration(ResolvedMigration migration, List<SqlStatement> statements) {
    public PendingMigration {
        statements = List.copyOf(statements);
    }
}
