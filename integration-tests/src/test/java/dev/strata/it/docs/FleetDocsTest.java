package dev.strata.it.docs;

import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.FleetConfig;
import dev.strata.migrations.config.TargetKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/fleet.md is written by hand: its [[targets]] table follows {@link TargetKey}, and its examples load. */
class FleetDocsTest {
    private static String page() throws IOException {
        return Files.readString(Path.of(System.getProperty("strata.projectRoot", ".."), "docs/fleet.md"));
    }

    @Test
    void everyTargetKeyIsARowOfTheTable() throws IOException {
        String page = page();
        for (TargetKey key : TargetKey.values()) {
            assertThat(page).as("docs/fleet.md row for %s", key.keyName())
                    .containsPattern("\\n\\| `" + key.keyName() + "` \\| " + (key.required() ? "yes" : "no") + " \\| ");
        }
    }

    @Test
    void theDeclaredTargetsExampleLoads(@TempDir Path directory) throws IOException {
        String page = page();
        int from = page.indexOf("```toml\n[[targets]]");
        assertThat(from).as("the [[targets]] example").isNotNegative();
        String toml = page.substring(from + "```toml\n".length(), page.indexOf("```", from + 7));
        Path file = Files.writeString(directory.resolve("strata.toml"), toml);

        FleetConfig fleet = ConfigLoader.load(Optional.of(file), Map.of("ACME_DB_PASSWORD", "example"),
                Optional.empty()).fleet();

        assertThat(fleet.targets()).hasSize(2);
        assertThat(fleet.targets().get(1).schema()).contains("tenant_globex");
    }
}
