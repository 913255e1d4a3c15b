package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.Version;

import java.util.List;
import java.util.Optional;

/**
 * What the locations hold: the well-formed migrations in version order, and a problem for every file that could not
 * be used (misnamed, empty, not UTF-8, duplicate version, undo file without a migration). No file is ever skipped
 * silently.
 *
 * @param undos the undo files, {@code U<version>__<description>.sql}, in version order, at most one per version and
 *              each paired with a migration of the same version; {@link ResolvedMigration#script()} is the U file
 */
public record ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems,
                                 List<ResolvedMigration> undos) {
    public ResolvedMigrations {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
        undos = List.copyOf(undos);
    }

    /** Migrations without undo files. */
    public ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems) {
        this(migrations, problems, List.of());
    }

    /** The undo file of {@code version}, if there is one. */
    public Optional<ResolvedMigration> undoOf(Version version) {
        return undos.stream().filter(undo -> undo.version().equals(version)).findFirst();
    }
}
