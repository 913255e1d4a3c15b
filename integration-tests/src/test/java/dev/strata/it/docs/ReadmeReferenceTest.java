package dev.strata.it.docs;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.StrataConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference ({@code docs/configuration.md}) and the exit code tables (the README's and
 * {@code docs/cli.md}'s) are written by hand; these tests keep them in step with {@link ConfigKey} and the CLI's exit
 * codes, which are declared once in code; the README's {@code strata.toml} example must load.
 */
class ReadmeReferenceTest {
    private static String read(String file) throws IOException {
        return Files.readString(Path.of(System.getProperty("strata.projectRoot", ".."), file));
    }

    private static String readme() throws IOException {
        return read("README.md");
    }

    @Test
    void everyConfigKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String reference = read("docs/configuration.md");
        for (ConfigKey key : ConfigKey.values()) {
            String row = reference.lines().filter(line -> line.startsWith("| `" + key.qualifiedName() + "`"))
                    .findFirst().orElse("");
            assertThat(row).as("docs/configuration.md row for %s", key.qualifiedName())
                    .contains("`" + key.environmentVariable() + "`");
            key.defaultValue().ifPresent(value -> assertThat(row).as("default of %s", key.qualifiedName())
                    .contains("`" + value + "`"));
        }
    }

    @Test
    void everyExitCodeIsDocumented() throws IOException {
        for (String file : new String[] {"README.md", "docs/cli.md"}) {
            String page = read(file);
            for (dev.strata.cli.ExitCode code : dev.strata.cli.ExitCode.values()) {
                assertThat(page).as("%s, exit code %d", file, code.code())
                        .containsPattern("\\n\\| " + code.code() + " \\| ");
            }
        }
    }

    @Test
    void theLandingPageAndTheCliPageShowTheSameExitCodeTable() throws IOException {
        assertThat(exitCodeTable(read("docs/cli.md"))).isEqualTo(exitCodeTable(readme()));
    }

    private static String exitCodeTable(String page) {
        int from = page.indexOf("| code | meaning |");
        assertThat(from).as("exit code table").isNotNegative();
        int to = page.indexOf("\n\n", from);
        return page.substring(from, to < 0 ? page.length() : to);
    }

    @Test
    void theLandingPageStrataTomlIsAValidConfiguration(@TempDir Path directory) throws IOException {
        String readme = readme();
        String start = "## `strata.toml`\n\n```toml\n";
        int from = readme.indexOf(start);
        assertThat(from).as("README marker " + start.strip()).isNotNegative();
        String toml = readme.substring(from + start.length(), readme.indexOf("```", from + start.length()));
        assertThat(toml.lines().count()).as("lines of the example").isLessThanOrEqualTo(10);
        Path file = Files.writeString(directory.resolve("strata.toml"), toml);

        StrataConfig config = ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty());

        assertThat(config.migrations().lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.migrations().locations()).hasSize(2);
        assertThat(config.database().url()).isPresent();
    }

    @Test
    void theCiScriptRunsTheReadmeTestCommand() throws IOException {
        Path root = Path.of(System.getProperty("strata.projectRoot", ".."));
        assertThat(readme()).contains("```sh\nmvn -B verify\n```");
        assertThat(Files.readString(root.resolve(".ci/run"))).containsPattern("(?m)^mvn -B verify$");
    }
}
