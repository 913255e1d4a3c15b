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

/** {@code migrations.lint}: off by default, one of three words, a fourth refused rather than guessed. */
class LintGateConfigTest {
    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Optional.empty()).lintGate()).isEqualTo(LintGate.OFF);
    }

    @Test
    void setInTheFileOrTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"), "[migrations]\nlint = \"error\"\n");

        assertThat(ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty()).lintGate())
                .isEqualTo(LintGate.ERROR);
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("STRATA_MIGRATIONS__LINT", "warn"), Optional.empty())
                .lintGate()).isEqualTo(LintGate.WARN);
    }

    @Test
    void anotherWordIsRefused() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> ConfigLoader.load(
                Optional.empty(), Map.of("STRATA_MIGRATIONS__LINT", "warning"), Optional.empty()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("migrations.lint (from environment variable STRATA_MIGRATIONS__LINT)"
                + " is 'warning': expected \"off\", \"warn\" or \"error\"");
    }
}
