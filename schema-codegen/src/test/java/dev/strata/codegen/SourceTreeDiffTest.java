package dev.strata.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stale check shows: a unified diff per file and the regenerate command. */
class SourceTreeDiffTest {

    @Test
    void differencesAreShownAsUnifiedDiffs(@TempDir Path committed, @TempDir Path regenerated) throws IOException {
        Files.writeString(committed.resolve("Same.java"), "class Same {}\n");
        Files.writeString(regenerated.resolve("Same.java"), "class Same {}\n");
        Files.writeString(committed.resolve("Changed.java"), "class Changed {\n    int a;\n    int b;\n}\n");
        Files.writeString(regenerated.resolve("Changed.java"), "class Changed {\n    int a;\n    long b;\n}\n");
        Files.writeString(committed.resolve("Removed.java"), "class Removed {}\n");
        Files.createDirectories(regenerated.resolve("tables"));
        Files.writeString(regenerated.resolve("tables/Added.java"), "class Added {}\n");
        Files.writeString(committed.resolve("Crlf.java"), "class Crlf {}\r\n");
        Files.writeString(regenerated.resolve("Crlf.java"), "class Crlf {}\n");

        SourceTreeDiff diff = SourceTreeDiff.compare(committed, regenerated);

        assertThat(diff.files()).extracting(SourceTreeDiff.FileDifference::path)
                .containsExactly("Changed.java", "Crlf.java", "Removed.java", "tables/Added.java");
        assertThat(diff.files().get(0).unifiedDiff()).isEqualTo("""
                --- committed/Changed.java
                +++ regenerated/Changed.java
                @@ -1,4 +1,4 @@
                 class Changed {
                     int a;
                -    int b;
                +    long b;
                 }
                """);
        assertThat(diff.files().get(1).unifiedDiff()).contains("differ only in line endings");
        assertThat(diff.files().get(2).unifiedDiff()).startsWith("--- committed/Removed.java\n+++ /dev/null\n")
                .contains("-class Removed {}");
        assertThat(diff.files().get(3).unifiedDiff()).startsWith("--- /dev/null\n+++ regenerated/tables/Added.java\n");
        assertThat(diff.report("stale", "mvn generate-sources")).startsWith("stale: 4 files differ")
                .endsWith("\n    mvn generate-sources\n");
        assertThat(SourceTreeDiff.compare(committed, committed).isEmpty()).isTrue();
        assertThat(SourceTreeDiff.compare(committed, committed).report("x", "fix")).isEmpty();
    }

    @Test
    void checkModeFailsWithADiffWhenTheGeneratedCodeWasEdited(@TempDir Path output) throws IOException {
        String[] args = {"--package=" + TestFiles.PACKAGE, "--migrations=" + TestFiles.fixtureMigrations(),
                "--output=" + output};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Regenerate.run(args, TestPostgres.databases(), outStream, errStream)).as(err.toString())
                .isEqualTo(Regenerate.OK);
        String[] check = Arrays.copyOf(args, args.length + 1);
        check[args.length] = "--check";
        assertThat(Regenerate.run(check, TestPostgres.databases(), outStream, errStream)).isEqualTo(Regenerate.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("matches the migrations");

        Path warehouse = output.resolve("com/example/inventory/tables/Warehouse.java");
        Files.writeString(warehouse, Files.readString(warehouse).replace(
                "public final TableField<WarehouseRecord, String> CODE", "public final TableField<WarehouseRecord, String> KOD"));
        int exit = Regenerate.run(check, TestPostgres.databases(), outStream, errStream);

        assertThat(exit).isEqualTo(Regenerate.CHECK_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("is stale: 1 file differs")
                .contains("--- committed/tables/Warehouse.java\n+++ regenerated/tables/Warehouse.java\n@@ ")
                .contains("\n-    public final TableField<WarehouseRecord, String> KOD")
                .contains("\n+    public final TableField<WarehouseRecord, String> CODE")
                .contains("the same command without --check");
    }
}
