package dev.strata.it.cli;

import dev.strata.it.ExampleSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main job: `strata migrate` with no URL anywhere, on the embedded server in .strata/pgdata, applying
 * the example system's migrations (the jar ships none: they come from the example module's directory).
 */
class EmbeddedModeProcessTest {
    private static final Map<String, String> EXAMPLE = ExampleSystem.locationEnvironment();

    @TempDir
    Path workingDirectory;

    @Test
    void migrateOnTheEmbeddedDefaultAppliesTheExampleSchemaAndPersistsIt() throws java.io.IOException {
        // As the README's first command runs: a strata.toml that asks for the embedded server explicitly, since the
        // fallback is refused without a terminal (as here).
        Files.writeString(workingDirectory.resolve("strata.toml"), "[database]\nembedded = true\n");
        StrataCli.Result first = StrataCli.run(workingDirectory, EXAMPLE, "migrate");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderr()).containsOnlyOnce("Using embedded PostgreSQL").contains(".strata/pgdata");
        assertThat(first.stdout()).contains("V1__create_workers_and_heartbeats.sql", "Applied 13 migrations");
        assertThat(Files.isDirectory(workingDirectory.resolve(".strata/pgdata"))).isTrue();

        StrataCli.Result again = StrataCli.run(workingDirectory, EXAMPLE, "status");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("13 migrations: 13 applied. Current version: 12.");
        assertThat(Files.exists(workingDirectory.resolve(".strata/pgdata/postmaster.pid")))
                .as("the server is stopped when strata exits").isFalse();
    }

    @Test
    void twoCommandsAtOnceOnOneDataDirectoryBothSucceed() {
        StrataCli.Launched first = StrataCli.Runner.launch(workingDirectory, EXAMPLE, "migrate", "--embedded");
        StrataCli.Launched second = StrataCli.Runner.launch(workingDirectory, EXAMPLE, "migrate", "--embedded");

        StrataCli.Result one = StrataCli.Runner.await(first);
        StrataCli.Result two = StrataCli.Runner.await(second);

        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(two.exitCode()).as(two.toString()).isZero();
        assertThat(one.stdout() + two.stdout()).containsOnlyOnce("Applied 13 migrations").contains("up to date");

        StrataCli.Result validate = StrataCli.run(workingDirectory, withEmbedded(), "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
    }

    private static Map<String, String> withEmbedded() {
        Map<String, String> environment = new java.util.HashMap<>(EXAMPLE);
        environment.put("STRATA_DATABASE__EMBEDDED", "true");
        return environment;
    }
}
