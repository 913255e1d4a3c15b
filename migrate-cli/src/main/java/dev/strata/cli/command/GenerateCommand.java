package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.codegen.CodegenException;
import dev.strata.codegen.CodegenSettings;
import dev.strata.codegen.MigrationFingerprint;
import dev.strata.codegen.PostgresBinaries;
import dev.strata.codegen.Regenerate;
import dev.strata.codegen.Regeneration;
import dev.strata.codegen.SourceTreeDiff;
import dev.strata.migrations.config.CodegenConfig;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "generate",
        description = {
                "Generate typed jOOQ classes for the migrations into your package, for builds without the Maven "
                        + "plugin (Gradle, scripts).",
                "",
                "Applies the filesystem: migrations of [migrations] locations to a throw-away embedded PostgreSQL, "
                        + "reads the schema back with jOOQ's generator and writes the package below the output "
                        + "directory, with <package>.SchemaVersion (fingerprint, latest version, migrations). "
                        + "When SchemaVersion already records these migrations and settings, it writes nothing "
                        + "and starts no server.",
                "",
                "Settings come from the [codegen] section of the configuration file (package, output, schemas, "
                        + "includes, excludes, postgres_version); --package and --output beat it.",
                "",
                "--check writes nothing: it generates into a temporary directory, prints a unified diff of every "
                        + "file that differs and exits with 4 when the generated sources are stale (for CI, when "
                        + "they are committed).",
                "",
                "Example: strata generate --package com.example.db --output src/generated/java"
        })
public final class GenerateCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOptions configuration;

    @Option(names = "--package", paramLabel = "NAME",
            description = "Java package of the generated classes, e.g. com.example.db (default: codegen.package).")
    private String packageName;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Source root to write the package below (default: codegen.output, "
                    + "target/generated-sources/strata).")
    private Path output;

    @Option(names = "--check",
            description = "Compare instead of writing; exit 4 with a unified diff when the sources are stale.")
    private boolean check;

    @Option(names = "--force", description = "Regenerate even when SchemaVersion records the same migrations.")
    private boolean force;

    GenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StrataConfig config = configuration.load(context);
        context.masker().addAll(config);
        CodegenSettings settings = settings(config, context.workingDirectory());
        PostgresBinaries binaries;
        try {
            binaries = PostgresBinaries.select(settings.postgresVersion(), PostgresBinaries.bundledOnly(
                    "leave " + ConfigKey.CODEGEN_POSTGRES_VERSION.qualifiedName() + " unset, or generate with the"
                            + " Strata Maven plugin, which resolves other versions"));
        } catch (CodegenException e) {
            throw new ConfigurationException(e.getMessage(), e.hint());
        }
        Regeneration regeneration = Regeneration.embedded(settings, binaries);
        if (check) {
            SourceTreeDiff diff = regeneration.check();
            if (diff.isEmpty()) {
                context.out().println("Strata: the generated sources of " + settings.packageName()
                        + " match the migrations.");
                return ExitCode.SUCCESS.code();
            }
            context.err().print(diff.report("Strata: the generated sources in " + settings.packageDirectory()
                    + " are stale", fixCommand()));
            context.err().flush();
            return ExitCode.VALIDATION_FAILED.code();
        }
        context.out().println(Regenerate.describe(regeneration.regenerate(force), settings));
        return ExitCode.SUCCESS.code();
    }

    /** The settings, validated here so that a bad value or unusable migrations are a usage error (exit 2). */
    private CodegenSettings settings(StrataConfig config, Path workingDirectory) {
        CodegenConfig codegen = config.codegen();
        String name = Optional.ofNullable(packageName).or(codegen::packageName).orElseThrow(() ->
                new ConfigurationException("strata generate needs the Java package to generate",
                        "pass --package com.example.db, or set " + ConfigKey.CODEGEN_PACKAGE.qualifiedName()
                                + " in the configuration file"));
        List<Path> directories = new ArrayList<>();
        Map<Path, Layout> ownLayouts = new LinkedHashMap<>();
        LocationLayouts layouts = config.migrations().layouts();
        for (Location location : config.migrations().locations()) {
            if (location instanceof Location.Filesystem filesystem) {
                Path directory = workingDirectory.resolve(filesystem.directory()).normalize();
                directories.add(directory);
                Optional.ofNullable(layouts.byLocation().get(location))
                        .ifPresent(own -> ownLayouts.put(directory, own));
            }
        }
        if (directories.isEmpty()) {
            throw new ConfigurationException("strata generate reads migration files from directories, and "
                    + ConfigKey.MIGRATIONS_LOCATIONS.qualifiedName() + " has no filesystem: location",
                    "set " + ConfigKey.MIGRATIONS_LOCATIONS.qualifiedName()
                            + " = [\"filesystem:src/main/resources/db/migration\"] (or where your files are)");
        }
        try {
            CodegenSettings settings = new CodegenSettings(directories, name,
                    workingDirectory.resolve(output != null ? output : Path.of(codegen.output())).normalize(),
                    codegen.schemas(), codegen.includes(), codegen.excludes(), codegen.postgresVersion(),
                    Optional.empty(), config.migrations().layout(), ownLayouts,
                    config.migrations().nonTransactional());
            MigrationFingerprint.of(settings);
            return settings;
        } catch (CodegenException e) {
            throw new ConfigurationException(e.getMessage(), e.hint());
        }
    }

    private String fixCommand() {
        return "strata generate --force" + (packageName == null ? "" : " --package " + packageName)
                + (output == null ? "" : " --output " + output)
                + (configuration.config == null ? "" : " --config " + configuration.config);
    }
}
