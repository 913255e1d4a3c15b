package dev.strata.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
        CodegenSettings settings = TestFiles.settings(TestFiles.fixtureMigrations(), first);
        Regeneration regeneration = TestFiles.regeneration(settings, TestPostgres.databases());

        int files = regeneration.generateInto(first);
        regeneration.generateInto(second);

        List<Path> generated = javaFiles(first);
        assertThat(generated).hasSize(files);
        assertThat(first.relativize(settings.packageDirectory(first)).toString()).isEqualTo("com/example/inventory");
        assertThat(generated.stream().map(file -> settings.packageDirectory(first).relativize(file).toString()))
                .contains("SchemaVersion.java", "tables/Warehouse.java", "tables/StockItem.java",
                        "tables/StockPerWarehouse.java", "enums/StockState.java", "tables/records/StockItemRecord.java")
                .as("the history table is not generated").doesNotContain("tables/StrataSchemaHistory.java");
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
