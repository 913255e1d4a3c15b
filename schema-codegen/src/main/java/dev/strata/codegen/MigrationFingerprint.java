package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.LocationNotFoundException;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the generated code is generated from: every migration (version, file name, checksum) in version order, then
 * the repeatable ones in file name order, the latest version, and a fingerprint over them. The fingerprint is the
 * SHA-256 of the UTF-8 text made of one line {@code <version>:<checksum>\n} per versioned migration and one line
 * {@code <file name>:<checksum>\n} per repeatable one, written as {@code sha256:<hex>}. A repeatable file usually
 * defines views and functions, so editing it changes the generated code just as a new version does.
 */
public record MigrationFingerprint(String latestVersion, String fingerprint, List<Entry> migrations) {

    /** One migration file as the generated {@code SchemaVersion} records it (a {@code SchemaMigration}). */
    public record Entry(MigrationId id, String script, String checksum) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(checksum, "checksum");
        }

        /** What the fingerprint's line starts with: the version, or a repeatable file's name. */
        public String key() {
            return id.versionNumber().map(Version::toString).orElse(script);
        }
    }

    public MigrationFingerprint {
        Objects.requireNonNull(latestVersion, "latestVersion");
        Objects.requireNonNull(fingerprint, "fingerprint");
        migrations = List.copyOf(migrations);
    }

    /**
     * Resolves the migration files in the directories with the engine's resolver (so checksums are the ones the
     * history table records) and fingerprints them.
     *
     * @throws CodegenException when a directory is missing, none holds a migration, or one holds a file the engine
     *                          rejects
     */
    public static MigrationFingerprint ofDirectories(List<Path> directories) {
        return ofDirectories(directories, Layout.STRATA);
    }

    /**
     * As {@link #ofDirectories(List)}, for files named in {@code layout} (a sqlx, golang-migrate, dbmate or diesel
     * folder read unchanged).
     */
    public static MigrationFingerprint ofDirectories(List<Path> directories, Layout layout) {
        return of(directories, MigrationSettings.defaults()
                .withLocations(directories.stream().<Location>map(Location.Filesystem::new).toList())
                .withLayout(layout));
    }

    /** The migrations the settings name, each directory read in its own layout, as the generator applies them. */
    public static MigrationFingerprint of(CodegenSettings settings) {
        return of(settings.migrations(), settings.migrationSettings());
    }

    /** Resolved as {@link dev.strata.migrations.Migrator} resolves them: the same locations, layouts and Go rule. */
    private static MigrationFingerprint of(List<Path> directories, MigrationSettings engine) {
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new CodegenException("migration directory " + directory + " does not exist",
                        "create it, or set the migration locations to the directories that hold your V1__….sql files");
            }
        }
        ResolvedMigrations resolved;
        try {
            resolved = new MigrationResolver(MigrationFingerprint.class.getClassLoader(), engine.layouts(),
                    engine.skipGoMigrations()).resolve(engine.locations());
        } catch (LocationNotFoundException e) {
            // The engine refuses a location without files (never an empty schema by mistake); so does the generator.
            throw new CodegenException("there are no migrations to generate code from in " + directories + ": "
                    + e.getMessage(), "add a V1__<description>.sql file to the migration directory");
        }
        if (!resolved.problems().isEmpty()) {
            throw new CodegenException("the migrations in " + directories + " have problems:\n  "
                    + resolved.problems().stream().map(Problem::message).collect(Collectors.joining("\n  ")),
                    "fix the files first; `strata validate` shows the same problems");
        }
        if (resolved.migrations().isEmpty()) {
            throw new CodegenException("there are no migrations to generate code from in " + directories,
                    "add a V1__<description>.sql file to the migration directory");
        }
        return of(resolved.migrations(), resolved.repeatables());
    }

    /** Fingerprints versioned migrations (in version order) and repeatable ones (in file name order). */
    public static MigrationFingerprint of(List<ResolvedMigration> versioned, List<ResolvedMigration> repeatables) {
        if (versioned.isEmpty()) {
            throw new CodegenException("there are no migrations to generate code from",
                    "add a V1__<description>.sql file to the migration directory");
        }
        List<Entry> entries = Stream.concat(versioned.stream(), repeatables.stream())
                .map(m -> new Entry(m.id(), m.script(), m.checksum().toString()))
                .toList();
        String latest = versioned.get(versioned.size() - 1).id().versionNumber().orElseThrow().toString();
        return new MigrationFingerprint(latest, digest(entries), entries);
    }

    /** {@code sha256:<hex>} over the lines {@code <version>:<checksum>\n} ({@code <file name>:…} for a repeatable). */
    public static String digest(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.key()).append(':')
                    .append(entry.checksum()).append('\n');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** The fingerprint shortened for messages: {@code sha256:1a2b3c4d5e6f}. */
    public String shortFingerprint() {
        return fingerprint.substring(0, Math.min(fingerprint.length(), "sha256:".length() + 12));
    }
}
