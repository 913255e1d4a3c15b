package dev.strata.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The generator's three jobs, in order of cost: decide from the fingerprint alone whether anything needs doing (no
 * server is started for that), regenerate the committed sources, or regenerate into a temporary directory and
 * compare (the freshness check).
 */
public final class Regeneration {
    private final CodegenPaths paths;
    private final MigratedDatabase.Factory databases;
    private final PrintStream out;

    public Regeneration(CodegenPaths paths, MigratedDatabase.Factory databases, PrintStream out) {
        this.paths = paths;
        this.databases = databases;
        this.out = out;
    }

    public enum Outcome { UP_TO_DATE, GENERATED }

    /** Regenerates the committed sources unless they record the current fingerprint (and generator) already. */
    public Outcome regenerate(boolean force) {
        MigrationFingerprint fingerprint = MigrationFingerprint.ofDirectory(paths.migrations());
        String reason = staleness(SchemaVersionSource.readText(paths.sourceRoot()), fingerprint);
        if (reason == null && !force) {
            out.println("Generated code is up to date (version " + fingerprint.latestVersion() + ", fingerprint "
                    + fingerprint.shortFingerprint() + "…): nothing written.");
            return Outcome.UP_TO_DATE;
        }
        out.println("Regenerating " + CodegenPaths.PACKAGE + ": " + (reason == null ? "--force given" : reason) + ".");
        int files = generateInto(paths.sourceRoot(), fingerprint);
        out.println("Wrote " + files + " files for version " + fingerprint.latestVersion() + " (fingerprint "
                + fingerprint.shortFingerprint() + "…) into " + CodegenPaths.packageDirectory(paths.sourceRoot()));
        return Outcome.GENERATED;
    }

    /** Generates into a temporary directory and compares the package with the one below {@code committedSourceRoot}. */
    public SourceTreeDiff check(Path committedSourceRoot) {
        MigrationFingerprint fingerprint = MigrationFingerprint.ofDirectory(paths.migrations());
        Path temporary = createTemporaryDirectory();
        try {
            generateInto(temporary, fingerprint);
            return SourceTreeDiff.compare(CodegenPaths.packageDirectory(committedSourceRoot),
                    CodegenPaths.packageDirectory(temporary));
        } finally {
            deleteRecursively(temporary);
        }
    }

    /** Starts a migrated database, generates into the source root and writes the fingerprint class; returns the file count. */
    public int generateInto(Path sourceRoot, MigrationFingerprint fingerprint) {
        long started = System.nanoTime();
        try (MigratedDatabase database = databases.create(paths.migrations())) {
            long migrated = System.nanoTime();
            out.println("Set up " + database.description() + " with " + fingerprint.migrations().size()
                    + " migrations in " + seconds(migrated - started) + ".");
            SchemaCodeGenerator.generate(database, sourceRoot, fingerprint);
            int files = countFiles(CodegenPaths.packageDirectory(sourceRoot));
            out.println("Generated " + files + " files with " + SchemaCodeGenerator.GENERATOR + " in "
                    + seconds(System.nanoTime() - migrated) + ".");
            return files;
        }
    }

    /**
     * Why the committed code is stale, or null when it is current: the committed {@code SchemaVersion.java} must be
     * exactly what these migrations and this generator give. That covers the fingerprint (added, removed or edited
     * files), the generator's version, and what the fingerprint leaves out (a file renamed within its version).
     */
    static String staleness(Optional<String> committed, MigrationFingerprint fingerprint) {
        Optional<SchemaVersionSource.Recorded> recorded = committed.flatMap(SchemaVersionSource::parse);
        if (recorded.isEmpty()) {
            return "no " + SchemaVersionSource.CLASS_NAME + ".java with a fingerprint was found";
        }
        SchemaVersionSource.Recorded was = recorded.get();
        if (!was.fingerprint().equals(fingerprint.fingerprint())) {
            return "the migrations changed (generated from version " + was.latestVersion() + ", "
                    + abbreviate(was.fingerprint()) + "…; now version " + fingerprint.latestVersion() + ", "
                    + fingerprint.shortFingerprint() + "…)";
        }
        if (!was.generator().equals(SchemaCodeGenerator.GENERATOR)) {
            return "the generator changed (" + was.generator() + " → " + SchemaCodeGenerator.GENERATOR + ")";
        }
        if (!committed.get().equals(SchemaVersionSource.render(fingerprint, SchemaCodeGenerator.GENERATOR))) {
            return SchemaVersionSource.CLASS_NAME + ".java differs from what the migrations give"
                    + " (a migration file renamed, or the file edited by hand)";
        }
        return null;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.substring(0, Math.min(fingerprint.length(), "sha256:".length() + 12));
    }

    private static int countFiles(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return (int) walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("strata-codegen-check");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
