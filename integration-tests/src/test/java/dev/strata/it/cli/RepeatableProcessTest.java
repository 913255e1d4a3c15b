package dev.strata.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeatable migrations through the real jar: migrate, status, plan and JSON. */
@ExtendWith(FreshDatabase.class)
class RepeatableProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void files() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__jobs.sql"), "create table jobs (id int, state text);\n");
        Files.writeString(migrations.resolve("R__job_views.sql"),
                "create or replace view active_jobs as select id from jobs where state = 'active';\n");
    }

    private Map<String, String> environment(TestDatabase database) throws SQLException {
        return DeployerRole.create(database).environment(migrations);
    }

    @Test
    void aRepeatableFileRunsAfterTheVersionedOnesAndAgainOnlyWhenItChanges(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);

        StrataCli.Result first = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).containsPattern("V1__jobs\\.sql … \\d+ ms\\s+R__job_views\\.sql … \\d+ ms")
                .contains("Applied 2 migrations in ", "Schema is now at version 1.");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).containsPattern("1\\s+jobs\\s+applied")
                .containsPattern("repeatable\\s+job views\\s+applied")
                .contains("2 migrations: 2 applied. Current version: 1.");

        StrataCli.Result again = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(again.stdout()).contains("Schema is up to date at version 1").doesNotContain("R__job_views.sql …");

        Files.writeString(migrations.resolve("R__job_views.sql"),
                "create or replace view active_jobs as select id, state from jobs where state = 'active';\n");
        StrataCli.Result outdated = StrataCli.run(workingDirectory, environment, "status");
        assertThat(outdated.exitCode()).as(outdated.toString()).isZero();
        assertThat(outdated.stdout()).containsPattern("repeatable\\s+job views\\s+outdated").contains("1 outdated");

        StrataCli.Result plan = StrataCli.run(workingDirectory, environment, "plan");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("R__job_views.sql (repeatable, 1 statement")
                .contains("1. line 1: create or replace view active_jobs as select id, state");

        StrataCli.Result rerun = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.stdout()).containsPattern("R__job_views\\.sql … \\d+ ms").doesNotContain("V1__jobs.sql …")
                .contains("Applied 1 migration in ");
    }

    @Test
    void jsonMarksRepeatableEntriesAndGivesThemNoVersion(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate", "--output", "json");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        JsonNode applied = JSON.readTree(migrate.stdout()).get("applied");
        assertThat(applied).hasSize(2);
        assertThat(applied.get(1).get("script").asText()).isEqualTo("R__job_views.sql");
        assertThat(applied.get(1).get("version").isNull()).isTrue();

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status", "--output", "json");
        JsonNode entries = JSON.readTree(status.stdout()).get("entries");
        assertThat(entries.get(0).get("repeatable").asBoolean()).isFalse();
        assertThat(entries.get(1).get("repeatable").asBoolean()).isTrue();
        assertThat(entries.get(1).get("version").isNull()).isTrue();
        assertThat(entries.get(1).get("state").asText()).isEqualTo("applied");
    }

    @Test
    void aFailingRepeatableFileExitsWith1NamingItsLine(TestDatabase database) throws Exception {
        Files.writeString(migrations.resolve("R__job_views.sql"),
                "-- a view over a column that does not exist\ncreate or replace view broken as select nope from jobs;\n");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment(database), "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(1);
        assertThat(migrate.stderr()).contains("migration R__job_views.sql (repeatable) failed at ")
                .contains("R__job_views.sql:2:").contains("SQLSTATE 42703");
    }
}
