package dev.strata.cli;

import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands that fail before touching a database: usage and configuration errors, help and version. */
class CliInProcessTest {
    @TempDir
    Path workingDirectory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        SecretMasker masker = SecretMasker.from(environment, args);
        return StrataMain.run(args, environment, workingDirectory,
                new PrintStream(new MaskingOutputStream(out, masker), true, StandardCharsets.UTF_8),
                new PrintStream(new MaskingOutputStream(err, masker), true, StandardCharsets.UTF_8), masker);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(stdout()).contains("migrate", "status", "validate", "Exit codes:")
                .containsPattern("\\n +0 +success").containsPattern("\\n +3 +cannot connect")
                .containsPattern("\\n +5 +lock not acquired").containsPattern("\\n +130 +stopped by SIGINT")
                .containsPattern("\\n +143 +stopped by SIGTERM");
    }

    @Test
    void versionNamesStrataAndThePostgresMajor() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(stdout()).startsWith("strata ").contains("embedded PostgreSQL 1");
    }

    @Test
    void helpForACommandShowsItsOptions() {
        assertThat(run(Map.of(), "help", "migrate")).isZero();
        assertThat(stdout()).contains("--config=FILE", "--url=URL", "advisory lock");
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        assertThat(run(Map.of(), "migrat")).isEqualTo(2);
        assertThat(stderr()).contains("Unmatched argument", "migrate", "exit code 2");
    }

    @Test
    void unknownConfigKeyNamesTheKeyTheFileAndTheLine() throws IOException {
        Path config = Files.writeString(workingDirectory.resolve("strata.toml"),
                "[database]\nurl = \"postgresql://localhost/x\"\nurll = \"typo\"\n");

        assertThat(run(Map.of(), "status", "--config", config.toString())).isEqualTo(2);
        assertThat(stderr()).contains("unknown key 'urll'", config + ":3", "known keys in [database]");
    }

    @Test
    void unknownEnvironmentVariableIsAnError() {
        assertThat(run(Map.of("STRATA_MIGRATIONS__LOCK_TIMOUT", "5s"), "validate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown environment variable STRATA_MIGRATIONS__LOCK_TIMOUT".replace("TIMEOUT", "TIMOUT"));
    }

    @Test
    void invalidUrlIsAConfigurationErrorWithThePasswordMasked() {
        assertThat(run(Map.of(), "migrate", "--url", "mysql://root:topsecret99@localhost/db")).isEqualTo(2);
        assertThat(stderr()).contains("must start with postgresql://").doesNotContain("topsecret99");
        assertThat(stdout()).doesNotContain("topsecret99");
    }

    @Test
    void missingConfigFileIsAConfigurationError() {
        assertThat(run(Map.of("STRATA_CONFIG", "nope.toml"), "status")).isEqualTo(2);
        assertThat(stderr()).contains("nope.toml", "STRATA_CONFIG", "does not exist");
    }

    @Test
    void badValueNamesKeyAndOrigin() {
        assertThat(run(Map.of("STRATA_DATABASE__URL", "postgresql://localhost/x",
                "STRATA_MIGRATIONS__LOCK_TIMEOUT", "soon"), "migrate")).isEqualTo(2);
        assertThat(stderr()).contains("migrations.lock_timeout", "STRATA_MIGRATIONS__LOCK_TIMEOUT", "'soon'");
    }

    @Test
    void missingFilesystemLocationIsAConfigurationError() {
        assertThat(run(Map.of("STRATA_DATABASE__URL", "postgresql://localhost:1/x",
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + workingDirectory.resolve("absent")), "migrate"))
                .isEqualTo(2);
        assertThat(stderr()).contains("absent", "does not exist");
    }
}
