package dev.strata.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two generations from the same migrations, each on a fresh database, give identical bytes. */
class DeterministicGenerationTest {

    @Test
    void twoGenerationsAreByteForByteIdentical(@TempDir Path first, @TempDir Path second) throws IOException {
        CodegenPaths paths = TestFiles.projectPaths();
        MigrationFingerprint fingerprint = MigrationFingerprint.ofDirectory(paths.migrations());
        Regeneration regeneration = new Regeneration(paths, TestPostgres.databases(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        int files = regeneration.generateInto(first, fingerprint);
        regeneration.generateInto(second, fingerprint);

        List<Path> generated = javaFiles(first);
        assertThat(generated).hasSize(files).hasSizeGreaterThan(13 * 3);
        assertThat(SourceTreeDiff.compare(first, second).files()).isEmpty();
        for (Path file : generated) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).as(first.relativize(file).toString())
                    .isEqualTo(Files.readAllBytes(second.resolve(first.relativize(file))));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as("newline \\n only, spaces only").doesNotContain("\r").doesNotContain("\t");
            assertThat(text).as("no generation date or @Generated").doesNotContain("@Generated")
                    .doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT");
        }
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }
}
