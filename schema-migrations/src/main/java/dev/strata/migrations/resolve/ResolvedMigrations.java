package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SkippedGoStep;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;

import java.util.List;
import java.util.Optional;

/**
 * What the locations hold: the well-formed migrations in version order, and a problem for every file that could not
 * be used (misnamed, empty, not UTF-8, duplicate version, undo file without a migration). No file is ever skipped
 * silently.
 *
 * @param undos       the undo files, {@code U<version>__<description>.sql}, in version order, at most one per version
 *                    and each paired with a migration of the same version; {@link ResolvedMigration#script()} is the
 *                    U file
 * @param repeatables the repeatable files, {@code R__<description>.sql}, in file name order (the order they run
 *                    in), at most one per file name
 * @param notes       what a front end tells the user on stderr about how the files were read: the layout
 *                    {@code auto} detected, files whose version order differs from a file listing's
 * @param order       how the versions are ordered: as the layouts of the locations order them
 * @param skippedGoSteps the migrations written in Go passed over ({@code migrations.skip_go_migrations}); each is
 *                    also named in {@code notes}
 */
public record ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems,
                                 List<ResolvedMigration> undos, List<ResolvedMigration> repeatables,
                                 List<String> notes, VersionOrder order, List<SkippedGoStep> skippedGoSteps) {
    public ResolvedMigrations {
        java.util.Objects.requireNonNull(order, "order");
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
        undos = List.copyOf(undos);
        repeatables = List.copyOf(repeatables);
        notes = List.copyOf(notes);
        skippedGoSteps = List.copyOf(skippedGoSteps);
    }

    /** No migration written in Go passed over. */
    public ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems,
                              List<ResolvedMigration> undos, List<ResolvedMigration> repeatables,
                              List<String> notes, VersionOrder order) {
        this(migrations, problems, undos, repeatables, notes, order, List.of());
    }

    /** In numeric version order, Strata's own. */
    public ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems,
                              List<ResolvedMigration> undos, List<ResolvedMigration> repeatables,
                              List<String> notes) {
        this(migrations, problems, undos, repeatables, notes, VersionOrder.NUMERIC);
    }

    /** Without notes. */
    public ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems,
                              List<ResolvedMigration> undos, List<ResolvedMigration> repeatables) {
        this(migrations, problems, undos, repeatables, List.of());
    }

    /** Versioned migrations and undo files, no repeatable ones. */
    public ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems,
                              List<ResolvedMigration> undos) {
        this(migrations, problems, undos, List.of());
    }

    /** Versioned migrations only. */
    public ResolvedMigrations(List<ResolvedMigration> migrations, List<Problem> problems) {
        this(migrations, problems, List.of(), List.of());
    }

    /** The undo file of {@code version}, if there is one. */
    public Optional<ResolvedMigration> undoOf(Version version) {
        return undos.stream().filter(undo -> undo.id().versionNumber().filter(version::equals).isPresent()).findFirst();
    }
}
