package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrations.record_content}: on by default, off from the file or the environment, never guessed. */
class RecordContentConfigTest {
    @TempDir
    Path dir;

    @Test
    void contentIsRecordedByDefault() {
        assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Optional.empty()).migrations().recordContent())
                .isTrue();
        assertThat(ConfigKey.MIGRATIONS_RECORD_CONTENT.defaultValue()).contains("true");
    }

    @Test
    void turnedOffInTheFileOrTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"), "[migrations]\nrecord_content = false\n");

        assertThat(ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty()).migrations().recordContent())
                .isFalse();
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("STRATA_MIGRATIONS__RECORD_CONTENT", "false"),
                Optional.empty()).migrations().recordContent()).isFalse();
    }

    @Test
    void aValueThatIsNotABooleanIsRefused() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> ConfigLoader.load(
                Optional.empty(), Map.of("STRATA_MIGRATIONS__RECORD_CONTENT", "no"), Optional.empty()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("migrations.record_content (from environment variable"
                + " STRATA_MIGRATIONS__RECORD_CONTENT) is 'no': expected true or false");
    }
}
