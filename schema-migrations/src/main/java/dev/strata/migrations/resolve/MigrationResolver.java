package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Parallel;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SkippedGoStep;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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

    private final LocationLayouts layouts;

    private final boolean skipGoMigrations;

    /** Reads Strata's own file names. */
    public MigrationResolver(ClassLoader classLoader) {
        this(classLoader, Layout.STRATA);
    }

    /** Reads the files of every location as {@code layout} names them ({@link Layout#AUTO}: as the files show). */
    public MigrationResolver(ClassLoader classLoader, Layout layout) {
        this(classLoader, LocationLayouts.uniform(layout), false);
    }

    /**
     * @param layouts          each location's layout
     * @param skipGoMigrations whether a migration written in Go is passed over with a note (else it is a problem)
     */
    public MigrationResolver(ClassLoader classLoader, LocationLayouts layouts, boolean skipGoMigrations) {
        this.scanner = new LocationScanner(Objects.requireNonNull(classLoader, "classLoader"));
        this.layouts = Objects.requireNonNull(layouts, "layouts");
        this.skipGoMigrations = skipGoMigrations;
    }

    /**
     * Resolves every file in {@code locations}.
     *
     * @throws LocationNotFoundException naming a location that is missing, holds a broken symbolic link or holds no
     *                                   {@code .sql} file at all: a run on it would report success for work not done
     * @throws LayoutMixtureException    when a location's layout is {@code auto} and its files fit no single layout
     */
    public ResolvedMigrations resolve(List<Location> locations) {
        return resolve(locations, true);
    }

    /** As {@link #resolve(List)}, but a location without files is fine: {@code strata new} is about to add one. */
    public ResolvedMigrations resolveAllowingEmpty(List<Location> locations) {
        return resolve(locations, false);
    }

    /** The layout of the files in {@code location}: its configured one, or the one {@code auto} detects. */
    public Layout layoutOf(Location location) {
        Layout layout = layouts.of(location);
        if (layout != Layout.AUTO) {
            return layout;
        }
        List<ScriptFile> files = scanner.scan(location).stream()
                .filter(file -> LocationScanner.isSqlFile(file.name())).toList();
        return LayoutDetection.detect(location, texts(decode(files))).rules().layout();
    }

    /**
     * Each file's bytes exactly as stored, by the path {@link ResolvedMigration#path()} names it with: what another
     * tool's checksum was computed over ({@code strata adopt}), before Strata's normalisation. A file is read when
     * asked for; an unknown path reads as empty.
     */
    public Function<String, Optional<byte[]>> storedBytes(List<Location> locations) {
        Map<String, ScriptFile> files = new HashMap<>();
        locations.forEach(location -> scanner.scan(location).forEach(file -> files.put(file.path(), file)));
        return path -> Optional.ofNullable(files.get(path)).map(ScriptFile::content);
    }

    /**
     * The one layout of the files in {@code locations}, each read as {@link #layoutOf(Location)} says.
     *
     * @throws IllegalArgumentException when the locations are in different layouts, naming each
     */
    public Layout layoutOf(List<Location> locations) {
        Map<Location, Layout> each = new java.util.LinkedHashMap<>();
        locations.forEach(location -> each.put(location, layoutOf(location)));
        if (new HashSet<>(each.values()).size() > 1) {
            throw new IllegalArgumentException("the locations are in different layouts: " + each);
        }
        return each.values().stream().findFirst().orElse(layouts.fallback());
    }

    /** One location's files, read in its layout. */
    private record LocationReading(LayoutRules rules, List<Decoded> files, List<Problem> problems,
                                   List<String> notes, List<SkippedGoStep> skipped) {
    }

    private LocationReading read(Location location, boolean mustHoldFiles) {
        List<ScriptFile> found = scanner.scan(location);
        List<ScriptFile> sqlFiles = found.stream().filter(file -> LocationScanner.isSqlFile(file.name())).toList();
        List<ScriptFile> companions = found.stream().filter(file -> !LocationScanner.isSqlFile(file.name()))
                .toList();
        if (sqlFiles.isEmpty() && mustHoldFiles) {
            throw noFiles(location);
        }
        List<String> notes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        LayoutRules rules = rulesFor(layouts.of(location));
        if (layouts.of(location) == Layout.AUTO) {
            // Reading and decoding each file is independent of the others.
            LayoutDetection.Detected detected = LayoutDetection.detect(location, texts(decode(sqlFiles)));
            rules = detected.rules();
            notes.add(detected.note());
        }
        LayoutRules.Selection selection = rules.select(sqlFiles, companions);
        problems.addAll(selection.problems());
        notes.addAll(selection.notes());
        List<SkippedGoStep> skipped = new ArrayList<>();
        if (rules.runsGoMigrations()) {
            GoMigrations.Findings go = GoMigrations.check(rules.layout(), companions, skipGoMigrations);
            problems.addAll(go.problems());
            skipped.addAll(go.skipped());
            go.skipped().forEach(step -> notes.add(step.note()));
        }
        return new LocationReading(selection.rules(), decode(selection.files()), problems, notes, skipped);
    }

    private ResolvedMigrations resolve(List<Location> locations, boolean everyLocationHoldsFiles) {
        List<ResolvedMigration> migrations = new ArrayList<>();
        List<ResolvedMigration> undos = new ArrayList<>();
        List<ResolvedMigration> repeatables = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SkippedGoStep> skipped = new ArrayList<>();
        List<LocationReading> readings = new ArrayList<>();
        for (Location location : locations) {
            LocationReading reading = read(location, everyLocationHoldsFiles);
            readings.add(reading);
            problems.addAll(reading.problems());
            notes.addAll(reading.notes());
            skipped.addAll(reading.skipped());
        }
        for (LocationReading reading : readings) {
            for (List<Resolved> file : Parallel.map(reading.files(), one -> resolveOne(reading.rules(), one))) {
                for (Resolved resolved : file) {
                    if (resolved instanceof Resolved.Refused refused) {
                        problems.add(refused.problem());
                    } else if (resolved instanceof Resolved.Migration migration) {
                        List<ResolvedMigration> ofItsKind = switch (migration.kind()) {
                            case VERSIONED -> migrations;
                            case UNDO -> undos;
                            case REPEATABLE -> repeatables;
                        };
                        ofItsKind.add(migration.migration());
                    }
                }
            }
        }
        Set<VersionOrder> orders = new LinkedHashSet<>();
        readings.stream().filter(reading -> !reading.files().isEmpty())
                .forEach(reading -> orders.add(reading.rules().order()));
        VersionOrder order = orders.size() == 1 ? orders.iterator().next() : VersionOrder.NUMERIC;
        Comparator<ResolvedMigration> versionOrder = Comparator.comparing(ResolvedMigration::id,
                MigrationId.order(order)).thenComparing(ResolvedMigration::path);
        migrations.sort(versionOrder);
        undos.sort(versionOrder);
        boolean strataOnly = readings.stream().allMatch(reading -> reading.rules().layout() == Layout.STRATA);
        if (!strataOnly) {
            VersionOrderCheck.Findings findings = VersionOrderCheck.check(order, orders.size() <= 1,
                    withoutDuplicates(migrations));
            problems.addAll(findings.problems());
            notes.addAll(findings.notes());
        }
        problems.addAll(duplicateVersions(migrations, ""));
        problems.addAll(duplicateVersions(undos, "undo "));
        repeatables.sort(Comparator.comparing(ResolvedMigration::script).thenComparing(ResolvedMigration::path));
        List<ResolvedMigration> unique = withoutDuplicates(migrations);
        Set<MigrationId> versions = new HashSet<>();
        unique.forEach(migration -> versions.add(migration.id()));
        List<ResolvedMigration> pairedUndos = new ArrayList<>();
        for (ResolvedMigration undo : withoutDuplicates(undos)) {
            if (versions.contains(undo.id())) {
                pairedUndos.add(undo);
            } else {
                Version version = undo.id().versionNumber().orElseThrow();
                problems.add(new Problem(ProblemKind.UNDO_WITHOUT_MIGRATION, undo.script(), Optional.of(version),
                        undo.path() + " undoes version " + version + ", but " + (undo.layout() == Layout.STRATA
                                ? "no V" + version + "__<description>.sql file" : "no migration file")
                                + " has that version",
                        "give it the version of the migration it undoes, or delete it"));
            }
        }
        return new ResolvedMigrations(unique, problems, pairedUndos, uniqueRepeatables(repeatables, problems),
                notes, order, skipped);
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
    private sealed interface Resolved {
        record Migration(MigrationFileName.Kind kind, ResolvedMigration migration) implements Resolved {
        }

        record Refused(Problem problem) implements Resolved {
        }
    }

    /** A file with its normalised text, or the encoding problem that keeps it from having one. */
    private sealed interface Decoded {
        ScriptFile file();

        record Readable(ScriptFile file, String text) implements Decoded {
        }

        record Unreadable(ScriptFile file, ScriptText.InvalidEncodingException invalid) implements Decoded {
        }
    }

    private static List<Decoded> decode(List<ScriptFile> files) {
        return Parallel.map(files, file -> {
            try {
                return new Decoded.Readable(file, ScriptText.normalise(file.content()));
            } catch (ScriptText.InvalidEncodingException e) {
                return new Decoded.Unreadable(file, e);
            }
        });
    }

    /** The readable files, which are what auto detection judges (an unreadable one is reported on its own). */
    private static List<LayoutDetection.Text> texts(List<Decoded> decoded) {
        return decoded.stream().filter(Decoded.Readable.class::isInstance).map(Decoded.Readable.class::cast)
                .map(file -> new LayoutDetection.Text(file.file(), file.text())).toList();
    }

    static LayoutRules rulesFor(Layout layout) {
        return switch (layout) {
            case STRATA, AUTO -> new StrataRules();
            case SQLX -> new SqlxRules();
            case GOLANG_MIGRATE -> new GolangMigrateRules();
            case DBMATE -> new DbmateRules();
            case DIESEL -> new DieselRules();
            case GOOSE -> new GooseRules();
            case POPX -> new PopxRules();
            case TEMPORAL -> new TemporalRules();
        };
    }

    private static List<Resolved> resolveOne(LayoutRules rules, Decoded decoded) {
        ScriptFile file = decoded.file();
        Optional<LayoutRules.FileName> name = rules.parseName(file);
        if (name.isEmpty()) {
            return List.of(new Resolved.Refused(misnamed(rules, file)));
        }
        MigrationId id = name.get().id();
        if (decoded instanceof Decoded.Unreadable unreadable) {
            return List.of(new Resolved.Refused(new Problem(ProblemKind.INVALID_ENCODING, name.get().script(),
                    id.versionNumber(), file.path() + " (" + id.describe() + ") " + unreadable.invalid().problem(),
                    "re-save the file as UTF-8 text without NUL characters")));
        }
        LayoutRules.Read read = rules.read(name.get(), ((Decoded.Readable) decoded).text());
        if (read instanceof LayoutRules.Read.Rejected rejected) {
            return List.of(new Resolved.Refused(new Problem(rejected.kind(), name.get().script(), id.versionNumber(),
                    file.path() + " (" + id.describe() + ") " + rejected.message(),
                    rejected.hint())));
        }
        List<Resolved> resolved = new ArrayList<>();
        // An empty or comment-only file is a no-op migration, as in every other tool (the plan says so).
        for (LayoutRules.Entry entry : ((LayoutRules.Read.Entries) read).entries()) {
            resolved.add(new Resolved.Migration(entry.kind(), new ResolvedMigration(entry.id(), entry.description(),
                    entry.script(), file.path(), entry.content(), Checksum.of(entry.checksumText()),
                    rules.layout())));
        }
        return resolved;
    }

    private static Problem misnamed(LayoutRules rules, ScriptFile file) {
        String layoutName = rules.layout() == Layout.STRATA ? "" : rules.layout() + " ";
        return new Problem(ProblemKind.MISNAMED, file.name(), Optional.empty(),
                file.path() + " is not a " + layoutName + "migration file name: " + rules.explainMismatch(file)
                        + "; expected " + rules.expected(),
                "rename the file, or move it out of the migration locations");
    }

    private static List<Problem> duplicateVersions(List<ResolvedMigration> sorted, String kind) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            ResolvedMigration previous = sorted.get(i - 1);
            ResolvedMigration current = sorted.get(i);
            if (previous.id().equals(current.id())) {
                problems.add(new Problem(ProblemKind.DUPLICATE_VERSION, current.script(),
                        current.id().versionNumber(), kind + current.id().describe()
                                + " is used by two files: " + previous.path() + " and "
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
                problems.add(new Problem(ProblemKind.DUPLICATE_VERSION, repeatable.script(), Optional.empty(),
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
        Map<MigrationId, ResolvedMigration> first = new HashMap<>();
        List<ResolvedMigration> unique = new ArrayList<>(sorted.size());
        for (ResolvedMigration migration : sorted) {
            if (first.putIfAbsent(migration.id(), migration) == null) {
                unique.add(migration);
            }
        }
        return unique;
    }
}
