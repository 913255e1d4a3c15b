package dev.strata.migrations.config;

import dev.strata.migrations.config.ConfigLoader.CommandLineValue;
import dev.strata.migrations.config.ConfigLoader.ConfigFile;
import dev.strata.migrations.core.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 14's configuration cases: files that are not files, a BOM, zero timeouts, repeated locations, typos. */
class ConfigLoaderHardeningTest {
    @TempDir
    Path dir;

    private static StrataConfig load(Path file) {
        return ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty());
    }

    private static ConfigurationException failure(Runnable load) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, load::run);
        assertThat(e).as("expected a ConfigurationException").isNotNull();
        return e;
    }

    @Test
    void aDirectoryGivenAsTheConfigurationFileIsNamedAsADirectory() {
        ConfigurationException e = failure(() -> load(dir));

        assertThat(e.getMessage()).isEqualTo("configuration file " + dir + " (named by --config) is a directory, "
                + "not a TOML file").doesNotContain("does not exist");
        assertThat(e.hint()).contains(dir.resolve("strata.toml").toString());
    }

    @Test
    void aDeviceGivenAsTheConfigurationFileIsNamedAsNotARegularFile() {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));

        assertThat(failure(() -> load(devNull)).getMessage()).isEqualTo("configuration file /dev/null (named by "
                + "--config) is not a regular file (it is a device, a pipe or a socket)");
    }

    @Test
    void aFileStartingWithAUtf8ByteOrderMarkIsRead() throws IOException {
        Path file = dir.resolve("strata.toml");
        Files.write(file, ("\uFEFF[migrations]\nlock_timeout = \"7s\"\n").getBytes(StandardCharsets.UTF_8));

        assertThat(load(file).migrations().lockTimeout()).hasSeconds(7);
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Path file = dir.resolve("strata.toml");
        Files.write(file, new byte[] {'[', 'm', 'i', 'g', ']', '\n', (byte) 0xff, (byte) 0xfe});

        assertThat(failure(() -> load(file)).getMessage()).isEqualTo("configuration file " + file + " is not UTF-8 text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"statement_timeout = \"0s\"", "statement_timeout = 0", "statement_timeout = \"0ms\"",
            "statement_lock_timeout = \"0\""})
    void aZeroStatementTimeoutIsRefusedEveryWayItIsWrittenWithACorrectHint(String line) throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"), "[migrations]\n" + line + "\n");

        ConfigurationException e = failure(() -> load(file));

        assertThat(e.getMessage()).contains("is 0", "unset to keep the server's setting")
                .doesNotContain("leave it unset for none");
    }

    @Test
    void theSameLocationTwiceIsAnErrorNamingBothSpellings() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"),
                "[migrations]\nlocations = [\"filesystem:sql\", \"classpath:db/a\", \"filesystem:./sql/\"]\n");

        ConfigurationException e = failure(() -> load(file));

        assertThat(e.getMessage()).contains("lists the same location twice: 'filesystem:sql' and 'filesystem:./sql/'");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
                Map.of("STRATA_MIGRATIONS__LOCATIONS", "classpath:db/a,classpath:/db/a/"), Optional.empty()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("same location twice");
    }

    @Test
    void anUnknownDoubleUnderscoreVariableSuggestsTheNearestKey() {
        ConfigurationException e = failure(() -> ConfigLoader.load(Optional.empty(),
                Map.of("STRATA_MIGRATIONS__LOCATION", "filesystem:x"), Optional.empty()));

        assertThat(e.getMessage()).isEqualTo("unknown environment variable STRATA_MIGRATIONS__LOCATION (did you mean "
                + "STRATA_MIGRATIONS__LOCATIONS?)");
    }

    @Test
    void nearestKeyOfTheSingleUnderscoreTypoIsTheUrl() {
        assertThat(ConfigKey.nearestEnvironmentVariable("STRATA_DATABASE_URL")).isEqualTo(ConfigKey.DATABASE_URL);
        assertThat(ConfigKey.nearestEnvironmentVariable("strata_migrations_lock_timeout"))
                .isEqualTo(ConfigKey.MIGRATIONS_LOCK_TIMEOUT);
    }

    @Test
    void commandLineValuesBeatTheFileAndTheEnvironmentAndNameTheirOption() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"),
                "[migrations]\nlocations = [\"filesystem:from-file\"]\n");

        StrataConfig config = ConfigLoader.load(Optional.of(new ConfigFile(file, "found in the working directory")),
                Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:from-env"),
                List.of(new CommandLineValue(ConfigKey.MIGRATIONS_LOCATIONS, List.of("filesystem:a", "filesystem:b"),
                        "--locations"), new CommandLineValue(ConfigKey.DATABASE_EMBEDDED, true, "--embedded")));

        assertThat(config.migrations().locations()).containsExactly(new Location.Filesystem(Path.of("a")),
                new Location.Filesystem(Path.of("b")));
        assertThat(config.database().embedded()).isTrue();
        assertThat(failure(() -> ConfigLoader.load(Optional.empty(), Map.of(), List.of(new CommandLineValue(
                ConfigKey.MIGRATIONS_LOCATIONS, List.of("nowhere"), "--locations")))).getMessage())
                .contains("(from --locations)", "invalid location 'nowhere'");
    }

    @Test
    void theEmbeddedKeyIsReadFromTheFileAndDefaultsToFalse() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"), "[database]\nembedded = true\n");

        assertThat(load(file).database().embedded()).isTrue();
        assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Optional.empty()).database().embedded()).isFalse();
        assertThat(failure(() -> ConfigLoader.load(Optional.empty(), Map.of("STRATA_DATABASE__EMBEDDED", "yes"),
                Optional.empty())).getMessage()).contains("database.embedded", "true or false");
    }
}
