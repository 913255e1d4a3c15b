package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Parallel;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the migration files in the configured locations and turns each into a migration, an undo file or a named
 * problem.
 */
public final class MigrationResolver {
    private final LocationScanner scanner;

    public MigrationResolver(ClassLoader classLoader) {
        this.scanner = new LocationScanner(classLoader);
    }

    /**
     * Resolves every file in {@code locations}.
     *
     * @throws LocationNotFoundException naming a location that is missing, holds a broken symbolic link or holds no
     *                                   {@code .sql} file at all: a run on it would report success for work not done
     */
    public ResolvedMigrations resolve(List<Location> locations) {
        return resolve(locations, true);
    }

    /** As {@link #resolve(List)}, but a location without files is fine: {@code strata new} is about to add one. */
    public ResolvedMigrations resolveAllowingEmpty(List<Location> locations) {
        return resolve(locations, false);
    }

    private ResolvedMigrations resolve(List<Location> locations, boolean everyLocationHoldsFiles) {
        List<ResolvedMigration> migrations = new ArrayList<>();
        List<ResolvedMigration> undos = new ArrayList<>();
        List<ResolvedMigration> repeatables = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<ScriptFile> files = new ArrayList<>();
        for (Location location : locations) {
            List<ScriptFile> found = scanner.scan(location);
            if (found.isEmpty() && everyLocationHoldsFiles) {
                throw noFiles(location);
            }
            files.addAll(found);
        }
        // Reading, decoding and checksumming each file is independent of the others.
        for (Resolved file : Parallel.map(files, MigrationResolver::resolveOne)) {
            if (file.problem() != null) {
                problems.add(file.problem());
                continue;
            }
            List<ResolvedMigration> kind = switch (file.kind()) {
                case VERSIONED -> migrations;
                case UNDO -> undos;
                case REPEATABLE -> repeatables;
            };
            kind.add(file.migration());
        }
        Comparator<ResolvedMigration> order = Comparator.comparing(ResolvedMigration::version)
                .thenComparing(ResolvedMigration::path);
        migrations.sort(order);
        undos.sort(order);
        problems.addAll(duplicateVersions(migrations, ""));
        problems.addAll(duplicateVersions(undos, "undo "));
        repeatables.sort(Comparator.comparing(ResolvedMigration::script).thenComparing(ResolvedMigration::path));
        List<ResolvedMigration> unique = withoutDuplicates(migrations);
        Set<Version> versions = new HashSet<>();
        unique.forEach(migration -> versions.add(migration.version()));
        List<ResolvedMigration> pairedUndos = new ArrayList<>();
        for (ResolvedMigration undo : withoutDuplicates(undos)) {
            if (versions.contains(undo.version())) {
                pairedUndos.add(undo);
            } else {
                problems.add(new Problem(ProblemKind.UNDO_WITHOUT_MIGRATION, undo.script(), undo.version(),
                        undo.path() + " undoes version " + undo.version() + ", but no V" + undo.version()
                                + "__<description>.sql file has that version",
                        "give it the version of the migration it undoes, or delete it"));
            }
        }
        return new ResolvedMigrations(unique, problems, pairedUndos, uniqueRepeatables(repeatables, problems));
    }

    private LocationNotFoundException noFiles(Location location) {
        if (location instanceof Location.Classpath classpath && !scanner.exists(classpath)) {
            return new LocationNotFoundException(location, "is not on the class path",
                    "check the path's spelling; to read the files from an application's jar, pass it with "
                            + "--classpath app.jar; for a directory on disk, use filesystem:<dir>");
        }
        return new LocationNotFoundException(location, "holds no migration file (no .sql file in it or below it)",
                "check the location's spelling, or add a first migration (strata new <description> writes one)");
    }

    /** One file's outcome: a migration of some kind, or the problem that keeps it from being one. */
    private record Resolved(MigrationFileName.Kind kind, ResolvedMigration migration, Problem problem) {
    }

    private static Resolved resolveOne(ScriptFile file) {
        Optional<MigrationFileName.Parsed> parsed = MigrationFileName.parse(file.name());
        if (parsed.isEmpty()) {
            return new Resolved(null, null, misnamed(file));
        }
        Version version = parsed.get().version();
        String content;
        try {
            content = ScriptText.normalise(file.content());
        } catch (ScriptText.InvalidEncodingException e) {
            return new Resolved(null, null, new Problem(ProblemKind.INVALID_ENCODING, file.name(), version,
                    file.path() + " (" + ResolvedMigration.identity(version) + ") " + e.problem(),
                    "re-save the file as UTF-8 text without NUL characters"));
        }
        return new Resolved(parsed.get().kind(), new ResolvedMigration(version, parsed.get().description(),
                file.name(), file.path(), content, Checksum.of(content)), null);
    }

    private static Problem misnamed(ScriptFile file) {
        return new Problem(ProblemKind.MISNAMED, file.name(), null,
                file.path() + " is not a migration file name: " + MigrationFileName.explainMismatch(file.name())
                        + "; expected " + MigrationFileName.EXPECTED,
                "rename the file, or move it out of the migration locations");
    }

    private static List<Problem> duplicateVersions(List<ResolvedMigration> sorted, String kind) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            ResolvedMigration previous = sorted.get(i - 1);
            ResolvedMigration current = sorted.get(i);
            if (previous.version().equals(current.version())) {
                problems.add(new Problem(ProblemKind.DUPLICATE_VERSION, current.script(), current.version(),
                        kind + "version " + current.version() + " is used by two files: " + previous.path() + " and "
                                + current.path(),
                        "give one of them the next free version"));
            }
        }
        return problems;
    }

    /** The history knows a repeatable migration by its file name, so two locations must not both hold one. */
    private static List<ResolvedMigration> uniqueRepeatables(List<ResolvedMigration> sorted, List<Problem> problems) {
        List<ResolvedMigration> unique = new ArrayList<>(sorted.size());
        for (ResolvedMigration repeatable : sorted) {
            ResolvedMigration previous = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (previous != null && previous.script().equals(repeatable.script())) {
                problems.add(new Problem(ProblemKind.DUPLICATE_VERSION, repeatable.script(), null,
                        "repeatable migration " + repeatable.script() + " is in two places: " + previous.path()
                                + " and " + repeatable.path(),
                        "keep one of them, or give one a different description"));
            } else {
                unique.add(repeatable);
            }
        }
        return unique;
    }

    /** Keeps the first file of each version so the plan stays well-defined; the duplicate is already a problem. */
    private static List<ResolvedMigration> withoutDuplicates(List<ResolvedMigration> sorted) {
        Map<Version, ResolvedMigration> first = new HashMap<>();
        List<ResolvedMigration> unique = new ArrayList<>(sorted.size());
        for (ResolvedMigration migration : sorted) {
            if (first.putIfAbsent(migration.version(), migration) == null) {
                unique.add(migration);
            }
        }
        return unique;
    }
}
