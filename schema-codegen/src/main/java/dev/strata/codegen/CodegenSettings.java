package dev.strata.codegen;

import org.jooq.meta.jaxb.Generator;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.resolve.LocationEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything the generator is told: where the migrations are, which package to write where, what to read from the
 * database and how jOOQ renders it. Immutable; build it with {@link #forPackage(String)} and the {@code with…}
 * methods. Invalid values are rejected here, with the setting's name, so a Maven parameter, a CLI option and a config
 * key all fail the same way.
 *
 * @param migrations      the directories holding the {@code V…__….sql} and {@code R__….sql} files, read together
 * @param packageName     the Java package of the generated code (required; no default)
 * @param outputDirectory the source root the package is written below
 * @param schemas         the PostgreSQL schemas to generate
 * @param includes        Java regular expressions; only tables, views, sequences and routines matching one are generated
 * @param excludes        Java regular expressions; objects matching one are left out (the history table always is)
 * @param postgresVersion the embedded server's version: a major ({@code 16}) or a full version ({@code 16.15.0});
 *                        empty for the binaries this generator ships
 * @param jooq            jOOQ's own generator configuration, passed through (see {@link JooqConfiguration} for what
 *                        Strata sets in it); empty for jOOQ's defaults
 * @param layout          how the files in the directories are named ({@code migrations.layout}): Strata's own, or a
 *                        sqlx, golang-migrate, dbmate or diesel folder read unchanged
 * @param locationLayouts the directories whose files are named in a layout of their own (a location's
 *                        {@code ?layout=}), each one of {@code migrations}; the others are read in {@code layout}
 * @param nonTransactional how a file that must run outside a transaction is recognised
 *                        ({@code migrations.non_transactional})
 */
public record CodegenSettings(List<Path> migrations, String packageName, Path outputDirectory, List<String> schemas,
                              List<String> includes, List<String> excludes, Optional<String> postgresVersion,
                              Optional<Generator> jooq, Layout layout, Map<Path, Layout> locationLayouts,
                              NonTransactionalFiles nonTransactional) {

    public static final Path DEFAULT_MIGRATIONS = Path.of("src/main/resources/db/migration");
    public static final Path DEFAULT_OUTPUT = Path.of("target/generated-sources/strata");
    public static final List<String> DEFAULT_SCHEMAS = List.of("public");

    private static final Pattern JAVA_PACKAGE =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern POSTGRES_VERSION = Pattern.compile("\\d{2}(\\.\\d+){0,2}");

    public CodegenSettings {
        migrations = List.copyOf(migrations);
        schemas = List.copyOf(schemas);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(postgresVersion, "postgresVersion");
        jooq = Objects.requireNonNull(jooq, "jooq").map(CodegenSettings::copy);
        Objects.requireNonNull(layout, "layout");
        locationLayouts = Map.copyOf(locationLayouts);
        Objects.requireNonNull(nonTransactional, "nonTransactional");
        requirePackage(packageName);
        if (migrations.isEmpty()) {
            throw invalid("migration locations", "none given", "give at least one directory");
        }
        for (Path directory : locationLayouts.keySet()) {
            if (!migrations.contains(directory)) {
                throw invalid("migration locations", directory + " has a layout but is not one of " + migrations,
                        "name the layout on the directory's own entry, e.g. db/legacy?layout=sqlx");
            }
        }
        if (schemas.isEmpty() || schemas.stream().anyMatch(String::isBlank)) {
            throw invalid("schemas", schemas.toString(), "name at least one schema, e.g. public");
        }
        includes.forEach(pattern -> requireRegex("includes", pattern));
        excludes.forEach(pattern -> requireRegex("excludes", pattern));
        postgresVersion.ifPresent(version -> {
            if (!POSTGRES_VERSION.matcher(version).matches()) {
                throw invalid("postgresVersion", version, "give a major such as 16, or a full version such as 16.15.0");
            }
        });
    }

    /** Settings for Strata's own layout, with non-transactional files marked by their directive. */
    public CodegenSettings(List<Path> migrations, String packageName, Path outputDirectory, List<String> schemas,
                           List<String> includes, List<String> excludes, Optional<String> postgresVersion,
                           Optional<Generator> jooq) {
        this(migrations, packageName, outputDirectory, schemas, includes, excludes, postgresVersion, jooq,
                Layout.STRATA, Map.of(), NonTransactionalFiles.DIRECTIVE);
    }

    /** The defaults for a package: migrations and output below the working directory, schema {@code public}. */
    public static CodegenSettings forPackage(String packageName) {
        return new CodegenSettings(List.of(DEFAULT_MIGRATIONS), packageName, DEFAULT_OUTPUT, DEFAULT_SCHEMAS,
                List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** A copy, so callers cannot change this value through the mutable JAXB object. */
    @Override
    public Optional<Generator> jooq() {
        return jooq.map(CodegenSettings::copy);
    }

    /** The directory of the generated package below the output directory. */
    public Path packageDirectory() {
        return packageDirectory(outputDirectory);
    }

    /** The directory of the generated package below another source root (the freshness check's temporary one). */
    public Path packageDirectory(Path sourceRoot) {
        return sourceRoot.resolve(packageName.replace('.', '/'));
    }

    /** These directories, each read in {@link #layout()}. */
    public CodegenSettings withMigrations(List<Path> directories) {
        return new CodegenSettings(directories, packageName, outputDirectory, schemas, includes, excludes,
                postgresVersion, jooq, layout, Map.of(), nonTransactional);
    }

    /**
     * The directories of {@code entries}, written as a {@code filesystem:} entry of {@code migrations.locations} is
     * after its prefix: {@code db/migration}, or {@code db/legacy?layout=sqlx} for a directory in a layout of its own
     * (the engine's own reading of an entry, so a directory is read here exactly as {@code strata migrate} reads it).
     *
     * @param base the directory relative entries are resolved against
     */
    public CodegenSettings withMigrationEntries(Path base, List<String> entries) {
        List<Path> directories = new ArrayList<>();
        Map<Path, Layout> layouts = new LinkedHashMap<>();
        for (String entry : entries) {
            LocationEntry parsed;
            try {
                parsed = LocationEntry.parse(Location.FILESYSTEM_PREFIX + entry);
            } catch (IllegalArgumentException e) {
                throw invalid("migration locations", entry, e.getMessage());
            }
            Path directory = base.resolve(((Location.Filesystem) parsed.location()).directory()).normalize();
            directories.add(directory);
            parsed.layout().ifPresent(own -> layouts.put(directory, own));
        }
        return new CodegenSettings(directories, packageName, outputDirectory, schemas, includes, excludes,
                postgresVersion, jooq, layout, layouts, nonTransactional);
    }

    public CodegenSettings withOutputDirectory(Path directory) {
        return new CodegenSettings(migrations, packageName, directory, schemas, includes, excludes, postgresVersion,
                jooq, layout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withSchemas(List<String> names) {
        return new CodegenSettings(migrations, packageName, outputDirectory, names, includes, excludes,
                postgresVersion, jooq, layout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withIncludes(List<String> patterns) {
        return new CodegenSettings(migrations, packageName, outputDirectory, schemas, patterns, excludes,
                postgresVersion, jooq, layout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withExcludes(List<String> patterns) {
        return new CodegenSettings(migrations, packageName, outputDirectory, schemas, includes, patterns,
                postgresVersion, jooq, layout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withPostgresVersion(Optional<String> version) {
        return new CodegenSettings(migrations, packageName, outputDirectory, schemas, includes, excludes, version,
                jooq, layout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withJooq(Optional<Generator> generator) {
        return new CodegenSettings(migrations, packageName, outputDirectory, schemas, includes, excludes,
                postgresVersion, generator, layout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withLayout(Layout newLayout) {
        return new CodegenSettings(migrations, packageName, outputDirectory, schemas, includes, excludes,
                postgresVersion, jooq, newLayout, locationLayouts, nonTransactional);
    }

    public CodegenSettings withNonTransactional(NonTransactionalFiles mode) {
        return new CodegenSettings(migrations, packageName, outputDirectory, schemas, includes, excludes,
                postgresVersion, jooq, layout, locationLayouts, mode);
    }

    /**
     * The engine's settings for applying these migrations to the generator's database: the directories, each one's
     * layout and the non-transactional rule, and otherwise the defaults (history table
     * {@code public.strata_schema_history}). The generator resolves the files from these settings as the engine does.
     */
    public MigrationSettings migrationSettings() {
        Map<Location, Layout> own = new LinkedHashMap<>();
        locationLayouts.forEach((directory, directoryLayout) -> own.put(new Location.Filesystem(directory),
                directoryLayout));
        return MigrationSettings.defaults()
                .withLocations(migrations.stream().<Location>map(Location.Filesystem::new).toList())
                .withLayouts(new LocationLayouts(layout, own))
                .withNonTransactional(nonTransactional);
    }

    private static void requirePackage(String packageName) {
        if (packageName == null || packageName.isBlank()) {
            throw invalid("package", "none given", "name the Java package of the generated code, e.g. com.example.db");
        }
        if (!JAVA_PACKAGE.matcher(packageName).matches()) {
            throw invalid("package", packageName, "use a Java package name such as com.example.db");
        }
    }

    private static void requireRegex(String setting, String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw invalid(setting, pattern, "use a Java regular expression (" + e.getDescription() + " at index "
                    + e.getIndex() + ")");
        }
    }

    private static CodegenException invalid(String setting, String value, String hint) {
        return new CodegenException("invalid code generation setting " + setting + ": " + value, hint);
    }

    /** JAXB beans are mutable and serializable: a serialization round trip is a deep copy. */
    private static Generator copy(Generator generator) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(generator);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Generator) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the jOOQ generator configuration", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy the jOOQ generator configuration", e);
        }
    }
}
