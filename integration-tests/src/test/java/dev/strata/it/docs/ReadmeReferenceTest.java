package dev.strata.it.docs;

import dev.strata.migrations.config.ConfigKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference and exit codes are written by hand; these tests keep them in step with
 * {@link ConfigKey} and the CLI's exit codes, which are declared once in code.
 */
class ReadmeReferenceTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of(System.getProperty("strata.projectRoot", ".."), "README.md"));
    }

    @Test
    void everyConfigKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String readme = readme();
        for (ConfigKey key : ConfigKey.values()) {
            String row = readme.lines().filter(line -> line.startsWith("| `" + key.qualifiedName() + "`"))
                    .findFirst().orElse("");
            assertThat(row).as("README row for %s", key.qualifiedName())
                    .contains("`" + key.environmentVariable() + "`");
            key.defaultValue().ifPresent(value -> assertThat(row).as("default of %s", key.qualifiedName())
                    .contains("`" + value + "`"));
        }
    }

    @Test
    void everyExitCodeIsDocumented() throws IOException {
        String readme = readme();
        for (dev.strata.cli.ExitCode code : dev.strata.cli.ExitCode.values()) {
            assertThat(readme).containsPattern("\\n\\| " + code.code() + " \\| ");
        }
    }

    @Test
    void theCiScriptRunsTheReadmeTestCommand() throws IOException {
        Path root = Path.of(System.getProperty("strata.projectRoot", ".."));
        assertThat(readme()).contains("```sh\nmvn -B verify\n```");
        assertThat(Files.readString(root.resolve(".ci/run"))).containsPattern("(?m)^mvn -B verify$");
    }
}
