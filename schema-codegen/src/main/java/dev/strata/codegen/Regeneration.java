package dev.strata.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The generator's three jobs, in order of cost: decide from the fingerprint alone whether anything needs doing (no
 * server is started for that), regenerate the output directory, or regenerate into a temporary directory and compare
 * (the freshness check). It prints nothing: callers report the returned values their own way.
 */
public final class Regeneration {
    private final CodegenSettings settings;
    private final PostgresBinaries binaries;
    private final MigratedDatabase.Factory databases;

    /**
     * @param binaries  the PostgreSQL the databases run (recorded in the settings digest)
     * @param databases starts migrated databases of those binaries
     */
    public Regeneration(CodegenSettings settings, PostgresBinaries binaries, MigratedDatabase.Factory databases) {
        this.settings = settings;
        this.binaries = binaries;
        this.databases = databases;
    }

    /** The production generator: embedded servers of the given binaries. */
    public static Regeneration embedded(CodegenSettings settings, PostgresBinaries binaries) {
        return new Regeneration(settings, binaries, EmbeddedMigratedDatabase.factory(binaries));
    }

    public enum Outcome { UP_TO_DATE, GENERATED }

    /**
     * What a run did.
     *
     * @param reason  why it regenerated ("--force given", "the migrations changed …"); empty when up to date
     * @param files   the files of the generated package (0 when up to date)
     * @param changed of those, the ones whose content is new or different
     */
    public record Result(Outcome outcome, Optional<String> reason, MigrationFingerprint migrations, int files,
                         int changed, String postgres, Duration elapsed) {
    }

    /** Regenerates the output directory unless its descriptor records the current provenance already. */
    public Result regenerate(boolean force) {
        long started = System.nanoTime();
        SchemaVersionSource.Provenance provenance = provenance();
        Optional<String> reason = staleness(SchemaVersionSource.readText(settings.packageDirectory()), provenance);
        if (reason.isEmpty() && !force) {
            return new Result(Outcome.UP_TO_DATE, Optional.empty(), provenance.migrations(), 0, 0, binaries.version(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        Map<Path, String> before = digests(settings.packageDirectory());
        generateInto(settings.outputDirectory(), provenance);
        Map<Path, String> after = digests(settings.packageDirectory());
        int changed = (int) after.entrySet().stream()
                .filter(file -> !file.getValue().equals(before.get(file.getKey()))).count();
        return new Result(Outcome.GENERATED, Optional.of(reason.orElse("regeneration forced")),
                provenance.migrations(), after.size(), changed, binaries.version(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Generates into a temporary directory and compares the package with the one in the output directory. */
    public SourceTreeDiff check() {
        SchemaVersionSource.Provenance provenance = provenance();
        Path temporary = createTemporaryDirectory();
        try {
            generateInto(temporary, provenance);
            return SourceTreeDiff.compare(settings.packageDirectory(), settings.packageDirectory(temporary));
        } finally {
            deleteRecursively(temporary);
        }
    }

    /** Starts a migrated database and generates the package below the source root; returns its file count. */
    public int generateInto(Path sourceRoot) {
        return generateInto(sourceRoot, provenance());
    }

    private int generateInto(Path sourceRoot, SchemaVersionSource.Provenance provenance) {
        try (MigratedDatabase database = databases.create(settings.migrationSettings())) {
            SchemaCodeGenerator.generate(database, settings, sourceRoot, provenance);
        }
        return digests(settings.packageDirectory(sourceRoot)).size();
    }

    /** The migrations, the generator and the digest of everything else the output depends on. */
    public SchemaVersionSource.Provenance provenance() {
        return new SchemaVersionSource.Provenance(MigrationFingerprint.of(settings),
                SchemaCodeGenerator.GENERATOR,
                sha256(JooqConfiguration.describe(settings) + "\nPostgreSQL " + binaries.version() + "\n"));
    }

    /**
     * Why the existing code is stale, or empty when it is current: the existing {@code SchemaVersion.java} must be
     * exactly what this provenance gives. That covers the fingerprint (added, removed or edited files), the
     * generator, the settings, and what the fingerprint leaves out (a file renamed within its version).
     */
    Optional<String> staleness(Optional<String> existing, SchemaVersionSource.Provenance provenance) {
        Optional<SchemaVersionSource.Recorded> recorded = existing.flatMap(SchemaVersionSource::parse);
        if (recorded.isEmpty()) {
            return Optional.of("no " + SchemaVersionSource.CLASS_NAME + ".java with a fingerprint in "
                    + settings.packageDirectory());
        }
        SchemaVersionSource.Recorded was = recorded.get();
        MigrationFingerprint now = provenance.migrations();
        if (!was.fingerprint().equals(now.fingerprint())) {
            return Optional.of("the migrations changed (generated from version " + was.latestVersion() + ", "
                    + abbreviate(was.fingerprint()) + "…; now version " + now.latestVersion() + ", "
                    + now.shortFingerprint() + "…)");
        }
        if (!was.generator().equals(provenance.generator())) {
            return Optional.of("the generator changed (" + was.generator() + " → " + provenance.generator() + ")");
        }
        if (!was.settingsDigest().equals(provenance.settingsDigest())) {
            return Optional.of("the generator settings changed (schemas, includes, excludes, jOOQ options or"
                    + " PostgreSQL version)");
        }
        if (!existing.get().equals(SchemaVersionSource.render(settings.packageName(), provenance))) {
            return Optional.of(SchemaVersionSource.CLASS_NAME + ".java differs from what the migrations give"
                    + " (a migration file renamed, or the file edited by hand)");
        }
        return Optional.empty();
    }

    static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.substring(0, Math.min(fingerprint.length(), "sha256:".length() + 12));
    }

    /** Relative path to content digest of every file below a directory (empty when it does not exist). */
    private static Map<Path, String> digests(Path directory) {
        Map<Path, String> files = new HashMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file), Arrays.toString(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        return files;
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
