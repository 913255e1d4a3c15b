package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.NonTransactionalFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrations.non_transactional} and {@code migrations.allow_non_empty}: defaults, sources, bad values. */
class TakeoverConfigTest {
    @TempDir
    Path dir;

    private static MigrationSettings fromEnvironment(Map<String, String> environment) {
        return ConfigLoader.load(Optional.empty(), environment, Optional.empty()).migrations();
    }

    @Test
    void defaultsFollowTheLayoutAndRefuseNonEmpty() {
        MigrationSettings settings = fromEnvironment(Map.of());

        assertThat(settings.nonTransactional()).isEqualTo(NonTransactionalFiles.LAYOUT);
        assertThat(settings.allowNonEmpty()).isFalse();
        assertThat(ConfigKey.MIGRATIONS_NON_TRANSACTIONAL.defaultValue()).contains("layout");
        assertThat(ConfigKey.MIGRATIONS_ALLOW_NON_EMPTY.defaultValue()).contains("false");
    }

    @Test
    void setInTheFileOrTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"),
                "[migrations]\nnon_transactional = \"detect\"\nallow_non_empty = true\n");
        MigrationSettings fromFile = ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty()).migrations();
        MigrationSettings fromEnvironment = fromEnvironment(Map.of("STRATA_MIGRATIONS__NON_TRANSACTIONAL", "detect",
                "STRATA_MIGRATIONS__ALLOW_NON_EMPTY", "true"));

        for (MigrationSettings settings : new MigrationSettings[] {fromFile, fromEnvironment}) {
            assertThat(settings.nonTransactional()).isEqualTo(NonTransactionalFiles.DETECT);
            assertThat(settings.allowNonEmpty()).isTrue();
        }
    }

    @Test
    void anUnknownModeIsRefusedNotGuessed() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> fromEnvironment(
                Map.of("STRATA_MIGRATIONS__NON_TRANSACTIONAL", "Detect")));

        assertThat(e.getMessage()).isEqualTo("migrations.non_transactional (from environment variable"
                + " STRATA_MIGRATIONS__NON_TRANSACTIONAL) is 'Detect': expected \"layout\", \"directive\" or \"detect\"");
    }
}
