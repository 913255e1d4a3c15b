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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the migration files in the configured locations and turns each into a migration, an undo file or a named
 * problem.
 */
public final class MigrationResolver {
    private final LocationScanner scanner;

    private final Layout layout;

    /** Reads Strata's own file names. */
    public MigrationResolver(ClassLoader classLoader) {
        this(classLoader, Layout.STRATA);
    }

    /** Reads the files as {@code layout} names them ({@link Layout#AUTO}: as the files show). */
    public MigrationResolver(ClassLoader classLoader, Layout layout) {
        this.scanner = new LocationScanner(classLoader);
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * Resolves every file in {@code locations}.
     *
     * @throws LocationNotFoundException naming a location that is missing, holds a broken symbolic link or holds no
     *                                   {@code .sql} file at all: a run on it would report success for work not done
     * @throws LayoutMixtureException    when the layout is {@code auto} and the files fit no single layout
     */
    public ResolvedMigrations resolve(List<Location> locations) {
        return resolve(locations, true);
    }

    /** As {@link #resolve(List)}, but a location without files is fine: {@code strata new} is about to add one. */
    public ResolvedMigrations resolveAllowingEmpty(List<Location> locations) {
        return resolve(locations, false);
    }

    /** The layout of the files in {@code locations}: the configured one, or the one {@code auto} detects. */
    public Layout layoutOf(List<Location> locations) {
        return layout == Layout.AUTO ? LayoutDetection.detect(locations, texts(decode(scanAll(locations, false))))
                .rules().layout() : layout;
    }

    /**
     * Each file's bytes exactly as stored, by the path {@link ResolvedMigration#path()} names it with: what another
     * tool's checksum was computed over ({@code strata adopt}), before Strata's normalisation. A file is read when
     * asked for; an unknown path reads as empty.
     */
    public Function<String, Optional<byte[]>> storedBytes(List<Location> locations) {
        Map<String, ScriptFile> files = new HashMap<>();
        scanAll(locations, false).forEach(file -> files.put(file.path(), file));
        return path -> Optional.ofNullable(files.get(path)).map(ScriptFile::content);
    }

    private List<ScriptFile> scanAll(List<Location> locations, boolean everyLocationHoldsFiles) {
        List<ScriptFile> files = new ArrayList<>();
        for (Location location : locations) {
            List<ScriptFile> found = scanner.scan(location);
            if (found.isEmpty() && everyLocationHoldsFiles) {
                throw noFiles(location);
            }
            files.addAll(found);
        }
        return files;
    }

    private ResolvedMigrations resolve(List<Location> locations, boolean everyLocationHoldsFiles) {
        List<ResolvedMigration> migrations = new ArrayList<>();
        List<ResolvedMigration> undos = new ArrayList<>();
        List<ResolvedMigration> repeatables = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // Reading and decoding each file is independent of the others.
        List<Decoded> decoded = decode(scanAll(locations, everyLocationHoldsFiles));
        LayoutRules rules = rulesFor(layout);
        if (layout == Layout.AUTO) {
            LayoutDetection.Detected detected = LayoutDetection.detect(locations, texts(decoded));
            rules = detected.rules();
            notes.add(detected.note());
        }
        LayoutRules chosen = rules;
        for (List<Resolved> file : Parallel.map(decoded, one -> resolveOne(chosen, one))) {
            for (Resolved resolved : file) {
                if (resolved.problem() != null) {
                    problems.add(resolved.problem());
                    continue;
                }
                List<ResolvedMigration> kind = switch (resolved.kind()) {
                    case VERSIONED -> migrations;
                    case UNDO -> undos;
                    case REPEATABLE -> repeatables;
                };
                kind.add(resolved.migration());
            }
        }
        Comparator<ResolvedMigration> versionOrder = Comparator.comparing(ResolvedMigration::version)
                .thenComparing(ResolvedMigration::path);
        migrations.sort(versionOrder);
        undos.sort(versionOrder);
        if (chosen.layout() != Layout.STRATA) {
            VersionOrderCheck.Findings order = VersionOrderCheck.check(chosen.order(), withoutDuplicates(migrations));
            problems.addAll(order.problems());
            notes.addAll(order.notes());
        }
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
                        undo.path() + " undoes version " + undo.version() + ", but " + (chosen.layout() == Layout.STRATA
                                ? "no V" + undo.version() + "__<description>.sql file" : "no migration file")
                                + " has that version",
                        "give it the version of the migration it undoes, or delete it"));
            }
        }
        return new ResolvedMigrations(unique, problems, pairedUndos, uniqueRepeatables(repeatables, problems),
                notes);
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
        static Resolved of(Problem problem) {
            return new Resolved(null, null, problem);
        }
    }

    /** A file with its normalised text, or the encoding problem that keeps it from having one. */
    private record Decoded(ScriptFile file, String text, ScriptText.InvalidEncodingException invalid) {
    }

    private static List<Decoded> decode(List<ScriptFile> files) {
        return Parallel.map(files, file -> {
            try {
                return new Decoded(file, ScriptText.normalise(file.content()), null);
            } catch (ScriptText.InvalidEncodingException e) {
                return new Decoded(file, null, e);
            }
        });
    }

    /** The readable files, which are what auto detection judges (an unreadable one is reported on its own). */
    private static List<LayoutDetection.Text> texts(List<Decoded> decoded) {
        return decoded.stream().filter(file -> file.invalid() == null)
                .map(file -> new LayoutDetection.Text(file.file(), file.text())).toList();
    }

    static LayoutRules rulesFor(Layout layout) {
        return switch (layout) {
            case STRATA, AUTO -> new StrataRules();
            case SQLX -> new SqlxRules();
            case GOLANG_MIGRATE -> new GolangMigrateRules();
            case DBMATE -> new DbmateRules();
            case DIESEL -> new DieselRules();
        };
    }

    private static List<Resolved> resolveOne(LayoutRules rules, Decoded decoded) {
        ScriptFile file = decoded.file();
        Optional<LayoutRules.FileName> name = rules.parseName(file);
        if (name.isEmpty()) {
            return List.of(Resolved.of(misnamed(rules, file)));
        }
        Version version = name.get().version();
        if (decoded.invalid() != null) {
            return List.of(Resolved.of(new Problem(ProblemKind.INVALID_ENCODING, name.get().script(), version,
                    file.path() + " (" + ResolvedMigration.identity(version) + ") " + decoded.invalid().problem(),
                    "re-save the file as UTF-8 text without NUL characters")));
        }
        LayoutRules.Read read = rules.read(name.get(), decoded.text());
        if (read instanceof LayoutRules.Read.Rejected rejected) {
            return List.of(Resolved.of(new Problem(rejected.kind(), name.get().script(), version,
                    file.path() + " (" + ResolvedMigration.identity(version) + ") " + rejected.message(),
                    rejected.hint())));
        }
        List<Resolved> resolved = new ArrayList<>();
        // An empty or comment-only file is a no-op migration, as in every other tool (the plan says so).
        for (LayoutRules.Entry entry : ((LayoutRules.Read.Entries) read).entries()) {
            resolved.add(new Resolved(entry.kind(), new ResolvedMigration(entry.version(), entry.description(),
                    entry.script(), file.path(), entry.content(), Checksum.of(entry.checksumText())), null));
        }
        return resolved;
    }

    private static Problem misnamed(LayoutRules rules, ScriptFile file) {
        String layoutName = rules.layout() == Layout.STRATA ? "" : rules.layout() + " ";
        return new Problem(ProblemKind.MISNAMED, file.name(), null,
                file.path() + " is not a " + layoutName + "migration file name: " + rules.explainMismatch(file)
                        + "; expected " + rules.expected(),
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
