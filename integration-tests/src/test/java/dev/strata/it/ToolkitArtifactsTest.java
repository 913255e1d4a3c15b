package dev.strata.it;

import com.example.platform.schema.SchemaVersion;
import dev.strata.api.StrataDatabase;
import dev.strata.cli.StrataMain;
import dev.strata.migrations.Migrator;
import dev.strata.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No toolkit artifact an application depends on carries migration files or generated classes: an application's own
 * {@code V1__….sql} at {@code classpath:db/migration} meets nothing else there, and the CLI migrates only what it is
 * pointed at. Checked on what the build produced: each module's jar (or classes directory, in a build that stops
 * before {@code package}) and the CLI's executable jar.
 */
class ToolkitArtifactsTest {

    @Test
    void noToolkitArtifactHoldsMigrationFilesOrGeneratedClasses() throws Exception {
        List<Path> artifacts = new ArrayList<>();
        for (Class<?> type : List.of(Migrator.class, StrataDatabase.class, MigratedDatabase.class, StrataMain.class)) {
            artifacts.add(artifactOf(type));
        }
        artifacts.add(Path.of(System.getProperty("strata.jar", "../migrate-cli/target/strata.jar")));

        for (Path artifact : artifacts) {
            assertThat(artifact).exists();
            assertThat(entries(artifact)).as("migration files and generated classes in " + artifact)
                    .noneMatch(name -> name.startsWith("db/migration/") && name.endsWith(".sql"))
                    // strata.jar bundles jOOQ (for `strata generate`), whose own resources include SQL scripts.
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).endsWith(".sql") && !name.startsWith("org/jooq/"))
                    .noneMatch(name -> name.startsWith("com/example/"))
                    .noneMatch(name -> name.startsWith("dev/strata/schema/"));
        }
    }

    @Test
    void theExampleSystemStillShipsItsOwn() throws Exception {
        Path example = artifactOf(SchemaVersion.class);
        assertThat(entries(example)).as("the check above looks where the files would be")
                .contains("db/migration/V1__create_workers_and_heartbeats.sql",
                        "com/example/platform/schema/SchemaVersion.class");
    }

    private static Path artifactOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Every file name in a jar, or every relative path below a classes directory, with {@code /} separators. */
    private static List<String> entries(Path artifact) throws IOException {
        if (Files.isDirectory(artifact)) {
            try (Stream<Path> files = Files.walk(artifact)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> artifact.relativize(file).toString().replace('\\', '/')).toList();
            }
        }
        try (JarFile jar = new JarFile(artifact.toFile())) {
            return jar.stream().map(entry -> entry.getName()).toList();
        }
    }
}
