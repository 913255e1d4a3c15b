package dev.strata.migrations.adopt;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.SkippedGoStep;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.AppliedVersions;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides what adopting another tool's history records, the same way for every tool: a pure function of what the
 * tool says it applied, the resolved files and Strata's own history. A versioned migration must have its file, and
 * the file must carry the checksum the tool recorded (where it records one); a repeatable file is adopted only while
 * it is unchanged (otherwise {@code strata migrate} runs it again, as the tool would have); a baseline stays a
 * baseline. Anything already in Strata's history is left alone, so adopting twice adopts nothing.
 */
public final class AdoptionPlanner {

    private AdoptionPlanner() {
    }

    /**
     * @param filesLayout the layout the files were read with: it must be one of the tool's, or the versions and
     *                    names Strata records would not be the ones the tool applied
     * @param stored      each file's bytes as stored, for a checksum over them (sqlx's)
     */
    public static AdoptionPlan plan(SourceTool tool, SchemaTable source, SourceHistory history,
                                    ResolvedMigrations files, Layout filesLayout,
                                    Function<ResolvedMigration, byte[]> stored, List<HistoryRow> strata) {
        Map<Version, ResolvedMigration> versioned = new HashMap<>();
        files.migrations().forEach(file -> file.id().versionNumber()
                .ifPresent(version -> versioned.putIfAbsent(version, file)));
        Map<String, ResolvedMigration> repeatable = new HashMap<>();
        files.repeatables().forEach(file -> repeatable.putIfAbsent(file.script(), file));
        AppliedVersions recorded = AppliedVersions.of(strata);

        List<String> notes = new ArrayList<>(history.notes());
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>(history.refusals());
        if (!tool.layouts().contains(filesLayout)) {
            Layout wanted = tool.layouts().iterator().next();
            refusals.add(new AdoptionPlan.Refusal("the migration locations are read with migrations.layout = \""
                    + filesLayout + "\", which does not name files as " + tool.displayName() + " does",
                    "set migrations.layout = \"" + wanted + "\" (or STRATA_MIGRATIONS__LAYOUT=" + wanted + "), so that"
                            + " adopt and every later migrate read the files under the names " + tool.displayName()
                            + " gave them"));
        }
        List<AdoptionPlan.Adoption> adoptions = new ArrayList<>();
        List<AdoptionPlan.EditedFile> edited = new ArrayList<>();
        for (SourceMigration migration : history.applied()) {
            if (migration.kind() == SourceMigration.Kind.REPEATABLE) {
                repeatable(tool, migration, repeatable.get(migration.repeatableName()), stored, recorded, notes)
                        .ifPresent(adoptions::add);
                continue;
            }
            Version version = migration.version();
            HistoryRow existing = recorded.lastRows().get(version);
            if (existing != null && !AppliedVersions.isUndo(existing)) {
                notes.add(migration.describe() + ": already in Strata's history (row " + existing.installedRank()
                        + ", " + existing.type() + ")");
            } else if (migration.kind() == SourceMigration.Kind.BASELINE) {
                adoptions.add(new AdoptionPlan.Adoption(migration, new MigrationId.Versioned(version),
                        "baseline adopted from " + tool.displayName(), MigrationType.BASELINE, "<< baseline >>", "none",
                        Optional.empty(), tool.displayName() + " baseline"));
            } else {
                ResolvedMigration file = versioned.get(version);
                Optional<SkippedGoStep> goStep = files.skippedGoSteps().stream()
                        .filter(step -> step.version().equals(version)).findFirst();
                Optional<Problem> refusedGoStep = files.problems().stream()
                        .filter(problem -> problem.kind() == ProblemKind.GO_MIGRATION
                                && problem.version().equals(Optional.of(version))).findFirst();
                if (file == null && goStep.isPresent()) {
                    // Strata never runs it (so never records it): its version stays out of Strata's history too.
                    notes.add(migration.describe() + ": " + goStep.get().path() + " is a step written in Go, which"
                            + " Strata cannot run; left out as migrations.skip_go_migrations = true says, so not"
                            + " recorded");
                    continue;
                }
                if (file == null && refusedGoStep.isPresent()) {
                    refusals.add(new AdoptionPlan.Refusal(tool.displayName() + "'s " + migration.describe()
                            + " is applied, and its file " + refusedGoStep.get().script() + " is a step written in"
                            + " Go, which Strata cannot run", "set migrations.skip_go_migrations = true to adopt the"
                            + " other versions and leave the Go steps out (each is then named in status, plan and"
                            + " diff), or rewrite the step in SQL with the same version"));
                    continue;
                }
                if (file == null) {
                    refusals.add(new AdoptionPlan.Refusal(tool.displayName() + "'s " + migration.describe()
                            + " is applied, but no migration file has version " + version, migration.missingFileFix()));
                    continue;
                }
                Check check = check(migration.verification(), file, stored);
                if (!check.matches()) {
                    edited.add(new AdoptionPlan.EditedFile(migration, file.path(), check.recorded(), check.now()));
                }
                // The file's version as written (000012, not 12): the one every later migrate records.
                adoptions.add(new AdoptionPlan.Adoption(migration, file.id(), file.description(),
                        MigrationType.ADOPTED, file.script(), file.checksum().toString(), Optional.of(file.content()),
                        check.matches() ? check.verified() : check.recorded() + " recorded, file has " + check.now()
                                + ": edit accepted with --accept-edited"));
            }
        }
        adoptions.sort(Comparator.comparingInt(adoption -> adoption.source().order()));
        return new AdoptionPlan(tool.displayName(), source, adoptions, notes, edited, refusals);
    }

    private static Optional<AdoptionPlan.Adoption> repeatable(SourceTool tool, SourceMigration migration,
                                                             ResolvedMigration file,
                                                             Function<ResolvedMigration, byte[]> stored,
                                                             AppliedVersions recorded, List<String> notes) {
        if (recorded.lastRepeatable().containsKey(migration.repeatableName())) {
            notes.add(migration.describe() + ": already in Strata's history");
            return Optional.empty();
        }
        if (file == null) {
            notes.add(migration.describe() + ": no such repeatable file any more; not adopted");
            return Optional.empty();
        }
        Check check = check(migration.verification(), file, stored);
        if (!check.matches()) {
            notes.add(migration.describe() + ": changed since " + tool.displayName() + " last ran it; `strata"
                    + " migrate` runs it again, as " + tool.displayName() + " would have");
            return Optional.empty();
        }
        return Optional.of(new AdoptionPlan.Adoption(migration, file.id(), file.description(), MigrationType.REPEATABLE,
                file.script(), file.checksum().toString(), Optional.of(file.content()), check.verified()));
    }

    /** A file checked against what the tool recorded; texts as messages show them. */
    private record Check(boolean matches, String recorded, String now, String verified) {
    }

    private static Check check(Verification verification, ResolvedMigration file,
                               Function<ResolvedMigration, byte[]> stored) {
        if (verification instanceof Verification.Recorded recorded) {
            ChecksumAlgorithm algorithm = recorded.algorithm();
            String now = algorithm.of(file.content(), stored.apply(file));
            boolean matches = recorded.value().filter(now::equals).isPresent();
            return new Check(matches, recorded.value().map(value -> algorithm.label() + " "
                    + algorithm.display(value)).orElse("no checksum"), algorithm.label() + " " + algorithm.display(now),
                    algorithm.label() + " " + algorithm.display(now) + " verified");
        }
        String tool = ((Verification.NotRecorded) verification).tool();
        return new Check(true, "no checksum", "no checksum", "matched by version (" + tool + " records no checksum)");
    }
}
