package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.NewMigrationFiles;
import dev.strata.migrations.resolve.ResolvedMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "new",
        description = {
                "Create the next migration file, V<version>__<description>.sql, and print its path.",
                "",
                "Writes into the first filesystem: location of [migrations] locations, numbered in the style "
                        + "already in use there (integers, dotted versions or yyyyMMddHHmmss timestamps), above "
                        + "every existing version. Needs no database.",
                "",
                "With migrations.layout set to another tool's layout (or auto), writes that tool's file(s) instead: "
                        + "sqlx <version>_<description>.sql (an .up.sql/.down.sql pair where the location has "
                        + "pairs), golang-migrate's pair, a dbmate file with its section markers, or a diesel "
                        + "directory."
        })
public final class NewCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOptions configuration;

    @Mixin
    private HelpOption help;

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION",
            description = "What the migration does, e.g. \"add job events\"; becomes add_job_events in the name.")
    private List<String> words;

    NewCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StrataConfig config = configuration.load(context);
        context.masker().addAll(config);
        String description = String.join(" ", words).replaceAll("\\s+", " ").strip();
        String slug = slug(description);
        Location.Filesystem location = firstFilesystemLocation(config);
        Path directory = location.directory();
        Path absolute = context.workingDirectory().resolve(directory);
        createDirectories(absolute);
        Layout layout = layoutOf(config, location, absolute);
        if (!NewMigrationFiles.writes(layout)) {
            throw new NewMigrationException("strata new does not write " + layout + " migrations: the next file"
                    + " belongs in a version directory's manifest.json, at a place only you can choose",
                    "write the .sql file into its v<version>/ directory and list it in that directory's manifest.json"
                            + " (SchemaUpdateCqlFiles)");
        }
        String version = nextVersion(config, layout, absolute, context.workingDirectory());
        boolean reversible = holdsDownFiles(layout, absolute);
        for (NewMigrationFiles.NewFile newFile : NewMigrationFiles.of(layout, version, slug, description,
                reversible)) {
            Path file = directory.resolve(newFile.relativePath());
            createDirectories(context.workingDirectory().resolve(file).getParent());
            create(context.workingDirectory().resolve(file), newFile.content());
            context.out().println(file);
        }
        return ExitCode.SUCCESS.code();
    }

    /** Longest description part of a file name: names stay readable in listings and under path-length limits. */
    public static final int MAX_SLUG_LENGTH = 60;

    /**
     * snake_case of plain ASCII letters and digits: accents dropped, every other run of characters one '_', cut at a
     * word boundary after {@link #MAX_SLUG_LENGTH} characters.
     *
     * @throws NewMigrationException when the description has no letter or digit, or letters with no ASCII form
     *                               (CJK, Cyrillic, …) that would silently vanish from the name
     */
    public static String slug(String description) {
        String ascii = latinLetters(Normalizer.normalize(description, Normalizer.Form.NFKD).replaceAll("\\p{M}", ""));
        String untranslatable = ascii.codePoints().filter(c -> c > 127 && Character.isLetterOrDigit(c))
                .limit(8).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (!untranslatable.isEmpty()) {
            throw new NewMigrationException("the description '" + description + "' has letters with no ASCII form ("
                    + untranslatable + "); migration file names are plain ASCII",
                    "describe the change in Latin letters, e.g. strata new add user table; the file's first line can"
                            + " hold the description in any language");
        }
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new NewMigrationException("the description '" + description + "' has no letter or digit to name "
                    + "the file with", "describe the change in words, e.g. strata new add job events");
        }
        if (slug.length() <= MAX_SLUG_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_SLUG_LENGTH);
        int lastWord = cut.lastIndexOf('_');
        return lastWord > 0 ? cut.substring(0, lastWord) : cut;
    }

    /** Latin letters that are not a base letter plus accents, so NFKD leaves them as they are. */
    private static String latinLetters(String text) {
        return text.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
                .replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
                .replace("Đ", "D").replace("þ", "th").replace("Þ", "TH").replace("ð", "d").replace("Ð", "D");
    }

    private static Location.Filesystem firstFilesystemLocation(StrataConfig config) {
        return config.migrations().locations().stream()
                .filter(Location.Filesystem.class::isInstance).map(Location.Filesystem.class::cast).findFirst()
                .orElseThrow(() -> new ConfigurationException("strata new needs a filesystem: location to write "
                        + "the file into, and " + ConfigKey.MIGRATIONS_LOCATIONS.qualifiedName() + " has none: "
                        + config.migrations().locations(),
                        "add one, e.g. locations = [\"filesystem:src/main/resources/db/migration\"] in [migrations], "
                                + "or " + ConfigKey.MIGRATIONS_LOCATIONS.environmentVariable()
                                + "=filesystem:src/main/resources/db/migration"));
    }

    /**
     * Reads the versions the engine would see: the style from the target directory, the highest version from
     * every location, so the new file is never out of order or a duplicate. Files the engine reports as problems
     * (empty, duplicate) still hold their version: a file just created by this command is one.
     */
    private static String nextVersion(StrataConfig config, Layout layout, Path target, Path workingDirectory) {
        MigrationResolver resolver = new MigrationResolver(NewCommand.class.getClassLoader(), layout);
        Optional<Existing> latestInTarget =
                highest(resolver.resolveAllowingEmpty(List.of(new Location.Filesystem(target))));
        // The engine reads a relative directory against the process's working directory; tests run in-process.
        LocationLayouts configured = config.migrations().layouts();
        LocationLayouts layouts = LocationLayouts.uniform(configured.fallback());
        List<Location> locations = new ArrayList<>();
        for (Location location : config.migrations().locations()) {
            Location resolved = location instanceof Location.Filesystem filesystem
                    ? new Location.Filesystem(workingDirectory.resolve(filesystem.directory())) : location;
            locations.add(resolved);
            layouts = layouts.with(resolved, configured.of(location));
        }
        Optional<Existing> highest = highest(new MigrationResolver(NewCommand.class.getClassLoader(), layouts,
                config.migrations().skipGoMigrations()).resolveAllowingEmpty(locations));
        Optional<String> style = latestInTarget.map(existing -> NewMigrationFiles.versionAsWritten(layout,
                existing.script())).or(() -> NewMigrationFiles.defaultStyle(layout));
        return NextVersion.after(style, highest.map(Existing::version), Instant.now());
    }

    /**
     * The target location's configured layout; for auto, the one its files show (Strata's in an empty directory).
     */
    private static Layout layoutOf(StrataConfig config, Location.Filesystem location, Path target) {
        Layout configured = config.migrations().layouts().of(location);
        return configured != Layout.AUTO ? configured
                : new MigrationResolver(NewCommand.class.getClassLoader(), Layout.AUTO)
                .layoutOf(new Location.Filesystem(target));
    }

    /** Whether a sqlx location already writes reversible pairs, so the new migration gets one too. */
    private static boolean holdsDownFiles(Layout layout, Path target) {
        if (layout != Layout.SQLX) {
            return false;
        }
        try (Stream<Path> files = Files.walk(target)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".down.sql"));
        } catch (IOException e) {
            throw new NewMigrationException("cannot read the migration directory " + target + ": " + e,
                    "check the path and its permissions", e);
        }
    }

    private record Existing(String script, Version version) {
    }

    private static Optional<Existing> highest(ResolvedMigrations resolved) {
        List<Existing> existing = new ArrayList<>();
        resolved.migrations().forEach(migration -> existing.add(new Existing(migration.script(),
                migration.id().versionNumber().orElseThrow())));
        resolved.problems().forEach(problem -> problem.version()
                .ifPresent(version -> existing.add(new Existing(problem.script(), version))));
        return existing.stream().max(Comparator.comparing(Existing::version));
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new NewMigrationException("cannot create the migration directory " + directory + ": " + e,
                    "check the path and its permissions", e);
        }
    }

    private static void create(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new NewMigrationException(file + " already exists; strata new never overwrites a file",
                    "choose another description, or edit the existing file");
        } catch (IOException e) {
            throw new NewMigrationException("cannot create " + file + ": " + e, "check the directory's permissions", e);
        }
    }
}
