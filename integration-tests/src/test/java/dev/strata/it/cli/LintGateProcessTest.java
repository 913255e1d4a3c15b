package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.lint} through the real jar: {@code error} stops validate and migrate before anything is applied,
 * and so does {@code migrate --targets} on each target (replaying on the embedded scratch server the fleet run
 * starts); {@code warn} prints the same finding on stderr and migrates.
 */
@ExtendWith(FreshDatabase.class)
class LintGateProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void errorRefusesWithNothingAppliedAndWarnGoesOn(TestDatabase target, TestDatabase server) throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__jobs.sql"), "create table jobs (id bigint primary key, note text);\n"
                + "insert into jobs select g, null from generate_series(1, 100) g;\n");
        Map<String, String> environment = new HashMap<>(Map.of("STRATA_DATABASE__URL", target.postgresUrl(),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations));
        StrataCli.Result first = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderr()).as("off by default").doesNotContain("Lint of");
        Files.writeString(migrations.resolve("V2__drop_note.sql"), "create table job_tags (job_id bigint, tag text);\n"
                + "alter table jobs drop column note;\n");
        String scratch = server.postgresUrl();

        environment.put("STRATA_MIGRATIONS__LINT", "error");
        StrataCli.Result validate = StrataCli.run(workingDirectory, environment, "validate", "--scratch-url", scratch);
        StrataCli.Result refused = StrataCli.run(workingDirectory, environment, "migrate", "--scratch-url", scratch);

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(4);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.stderr()).contains("Lint of the pending migrations (migrations.lint = \"error\")",
                "V2__drop_note.sql line 2:", "error: drop-column: drops column note",
                "error: 1 lint finding at or above error remains");
        assertThat(refused.stdout()).doesNotContain("Applied");
        assertThat(count(target, "select count(*) from strata_schema_history where version = '2'")).isZero();
        assertThat(count(target, "select count(*) from information_schema.tables where table_name = 'job_tags'"))
                .as("nothing of V2 applied").isZero();

        Files.writeString(workingDirectory.resolve("strata.toml"),
                "[[targets]]\nname = \"main\"\nschema = \"public\"\n");
        // Without --scratch-url: the run's one embedded scratch server, a database on it per target.
        StrataCli.Result fleet = StrataCli.run(workingDirectory, environment, "migrate", "--targets", "all");

        assertThat(fleet.exitCode()).as(fleet.toString()).isEqualTo(4);
        assertThat(fleet.stderr()).contains("1 of 1 target failed", "main: 1 lint finding at or above error remains",
                "V2__drop_note.sql line 2: drop-column: drops column note");
        assertThat(count(target, "select count(*) from strata_schema_history where version = '2'")).isZero();

        environment.put("STRATA_MIGRATIONS__LINT", "warn");
        StrataCli.Result warned = StrataCli.run(workingDirectory, environment, "migrate", "--scratch-url", scratch);

        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(warned.stderr()).contains("Lint of the pending migrations (migrations.lint = \"warn\")",
                "error: drop-column: drops column note");
        assertThat(warned.stdout()).contains("Applied 1 migration");
        assertThat(count(target, "select count(*) from information_schema.columns where table_name = 'jobs'"
                + " and column_name = 'note'")).isZero();
    }

    private static int count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
