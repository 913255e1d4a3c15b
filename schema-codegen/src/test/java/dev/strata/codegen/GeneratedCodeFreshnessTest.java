package dev.strata.codegen;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gate of issue #3: the committed {@code examples/data-platform/src/generated/java} is exactly what the migrations generate.
 * Runs {@code Regenerate --check}, which generates into a temporary directory and compares byte for byte.
 */
class GeneratedCodeFreshnessTest {

    @Test
    void committedGeneratedCodeMatchesTheMigrations() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Regenerate.run(new String[] {"--project-root=" + TestFiles.projectRoot(), "--check"},
                TestPostgres.databases(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (exit != Regenerate.OK) {
            fail("The committed generated code is stale (exit code " + exit + ").\n"
                    + err.toString(StandardCharsets.UTF_8));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("matches the migrations");
    }
}
