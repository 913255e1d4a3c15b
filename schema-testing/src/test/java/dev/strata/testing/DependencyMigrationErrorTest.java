package dev.strata.testing;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.Location;
import dev.strata.testserver.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failing migration file that sits inside a jar on the test class path belongs to a dependency: the error names
 * the jar and says so, instead of sending the test author to a path inside someone else's artifact.
 */
class DependencyMigrationErrorTest {

    @TempDir
    Path directory;

    @Test
    void aBrokenFileInsideADependencyJarIsNamedWithItsJar() throws IOException {
        Path jar = jar("vendor-schema-2.1.jar", "shared/migration/V1__vendor_tables.sql",
                "create table vendor_items (id bigint primary key);\ncreate tabel broken ();\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             SharedServers.Lease lease = SharedServers.acquire(ServerSpec.choose(ServerKind.AUTO,
                     TestEnvironment.current()))) {
            MigrationSettings settings = MigrationSettings.defaults()
                    .withLocations(List.of(Location.parse("classpath:shared/migration")));

            assertThatThrownBy(() -> lease.templates().template(settings, loader))
                    .isInstanceOfSatisfying(TestDatabaseException.class, e -> {
                        assertThat(e.getMessage()).contains("classpath:shared/migration/V1__vendor_tables.sql:2:8"
                                + " (in vendor-schema-2.1.jar, a dependency)");
                        assertThat(e.hint()).startsWith("the file comes from a dependency (vendor-schema-2.1.jar),"
                                + " not from this project, so it cannot be fixed here")
                                .doesNotContain("fix classpath:");
                    });
        }
    }

    @Test
    void aBrokenFileOfTheProjectItselfIsNamedAsBefore() {
        assertThat(DependencyJars.scan(List.of(Location.parse("classpath:broken")), getClass().getClassLoader())
                .jarOfFile()).as("src/test/resources is a directory, not a jar").isEmpty();
    }

    private Path jar(String name, String entry, String content) throws IOException {
        Path jar = directory.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry.substring(0, entry.lastIndexOf('/') + 1)));
            out.closeEntry();
            out.putNextEntry(new JarEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
