package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Problem;

import java.util.List;

/**
 * What the locations hold: the well-formed migrations in version order, and a problem for every file that could not
 * be used (misnamed, empty, not UTF-8, duplicate version). No file is ever skipped silently.
 */
public record ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems) {
    public ResolvedMigrations {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
    }
}
