package dev.strata.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `strata lint` as a pull-request check runs it: the real jar on a migrated database with a populated table, the
 * pending file replayed on a scratch database of --scratch-url; text, JSON and --fail-on's exit code.
 */
@ExtendWith(FreshDatabase.class)
class LintProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @Test
    void reportsMeasuredFindingsOnExistingTablesOnlyAndFailsOnRequest(TestDatabase target, TestDatabase server)
            throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__jobs.sql"), "create table jobs (id bigint primary key, state text,"
                + " note text);\ninsert into jobs select g, 'queued', null from generate_series(1, 5000) g;\n");
        Map<String, String> environment = Map.of("STRATA_DATABASE__URL", target.postgresUrl(),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        Files.writeString(migrations.resolve("V2__tags_and_state_index.sql"), "-- strata:lock_timeout=5s\n"
                + "create table job_tags (job_id bigint, tag text);\n"
                + "create index job_tags_tag_idx on job_tags (tag);\n"
                + "create index jobs_state_idx on jobs (state);\n"
                + "-- strata:allow=drop-column the note column is unused since release 3\n"
                + "alter table jobs drop column note;\n");
        String scratch = server.postgresUrl();

        StrataCli.Result text = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch);
        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "--output", "json");
        StrataCli.Result failing = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "--fail-on", "warning");
        StrataCli.Result passing = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "--fail-on", "error");
        StrataCli.Result plan = StrataCli.run(workingDirectory, environment, "plan", "--analyze");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("V2__tags_and_state_index.sql line 4:",
                "    create index jobs_state_idx on jobs (state)",
                "  holds SHARE on jobs (blocks writes) until the file's end (line 6)",
                "  warning: create-index-not-concurrently: builds an index without CONCURRENTLY: jobs is locked SHARE"
                        + " (blocks writes) from line 4 to the end of the file (line 6); every row is read; jobs in"
                        + " the target: ",
                "create index concurrently jobs_state_idx on jobs (state);",
                "  allowed (the note column is unused since release 3): drop-column: drops column note",
                "1 finding in 4 statements in 1 file: 1 warning (1 allowed).");
        // An error on a table of any size; the target's jobs table is small (well under 10 MB), so one level lower.
        assertThat(text.stdout()).doesNotContain("job_tags_tag_idx");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode document = JSON.readTree(json.stdout());
        List<JsonNode> statements = StreamSupport.stream(document.get("statements").spliterator(), false).toList();
        assertThat(statements).extracting(node -> node.get("line").asInt()).containsExactly(2, 3, 4, 6);
        JsonNode index = statements.get(2);
        assertThat(index.get("file").asText()).isEqualTo("V2__tags_and_state_index.sql");
        assertThat(index.get("locks").toString()).contains("{\"relation\":\"public.jobs\",\"mode\":\"SHARE\"");
        assertThat(index.get("scans").toString()).contains("public.jobs");
        assertThat(index.get("findings").get(0).get("rule").asText()).isEqualTo("create-index-not-concurrently");
        assertThat(index.get("findings").get(0).get("severity").asText()).isEqualTo("warning");
        assertThat(statements.get(1).get("findings")).isEmpty();
        assertThat(statements.get(3).get("findings").get(0).get("allowed").asText())
                .isEqualTo("the note column is unused since release 3");

        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(4);
        assertThat(failing.stderr()).contains("error: 1 lint finding at or above warning remains");
        assertThat(passing.exitCode()).as(passing.toString()).isZero();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("Nothing was changed.", "Lint of the pending migrations (--analyze)",
                "  warning: create-index-not-concurrently: builds an index without CONCURRENTLY: jobs is locked SHARE");
        try (Connection connection = target.open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from information_schema.columns"
                     + " where table_name = 'jobs' and column_name = 'note'")) {
            row.next();
            assertThat(row.getInt(1)).as("the target is not changed").isEqualTo(1);
        }
    }

    @Test
    void aStatementOutsideATransactionSaysItsLocksWereNotMeasured(TestDatabase target, TestDatabase server)
            throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__jobs.sql"), "create table jobs (id bigint primary key,"
                + " state text);\ninsert into jobs select g, 'queued' from generate_series(1, 500) g;\n");
        Map<String, String> environment = Map.of("STRATA_DATABASE__URL", target.postgresUrl(),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();
        Files.writeString(migrations.resolve("V2__state_index.sql"), "-- strata:transaction=false\n"
                + "create index concurrently jobs_state_idx on jobs (state);\n"
                + "analyze jobs;\n");
        String scratch = server.postgresUrl();

        StrataCli.Result text = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch);
        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "--output", "json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("V2__state_index.sql line 2:",
                "    create index concurrently jobs_state_idx on jobs (state)",
                "  not measured: runs outside a transaction (PostgreSQL refuses one for this statement), so the locks"
                        + " it takes and the rows it reads are not seen; its locks end with it",
                "No findings in 2 statements in 1 file; the locks of 1 statement outside a transaction were not"
                        + " measured.");
        assertThat(text.stdout()).as("analyze ran in a transaction of its own: measured").doesNotContain("line 3:");
        List<JsonNode> statements = StreamSupport.stream(JSON.readTree(json.stdout()).get("statements")
                .spliterator(), false).toList();
        assertThat(statements).extracting(node -> node.get("locks_measured").asBoolean()).containsExactly(false, true);
        assertThat(statements.get(0).get("not_measured").asText()).startsWith("not measured: runs outside a"
                + " transaction");
        assertThat(statements.get(1).has("not_measured")).isFalse();
    }

    @Test
    void namedFilesAreCheckedRightAfterTheAppliedOnesAndAnUnknownOneIsRefused(TestDatabase target, TestDatabase server)
            throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__jobs.sql"), "create table jobs (id bigint primary key, state text);\n");
        Map<String, String> environment = Map.of("STRATA_DATABASE__URL", target.postgresUrl(),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        Files.writeString(migrations.resolve("V2__tags.sql"), "create table tags (id bigint, name text);\n");
        Files.writeString(migrations.resolve("V3__state_index.sql"), "create index jobs_state_idx on jobs (state);\n");
        String scratch = server.postgresUrl();

        StrataCli.Result byPath = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "--output", "json", "migrations/V3__state_index.sql");
        StrataCli.Result byName = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "V2__tags.sql");
        StrataCli.Result unknown = StrataCli.run(workingDirectory, environment, "lint", "--scratch-url", scratch,
                "migrations/V9__typo.sql");

        assertThat(byPath.exitCode()).as(byPath.toString()).isZero();
        List<JsonNode> statements = StreamSupport.stream(JSON.readTree(byPath.stdout()).get("statements")
                .spliterator(), false).toList();
        assertThat(statements).extracting(node -> node.get("file").asText())
                .as("V2, pending too, is not replayed").containsExactly("V3__state_index.sql");
        assertThat(statements.get(0).get("findings").get(0).get("rule").asText())
                .isEqualTo("create-index-not-concurrently");
        assertThat(byName.exitCode()).as(byName.toString()).isZero();
        assertThat(byName.stdout()).contains("Lint of V2__tags.sql of ", "No findings in 1 statement in 1 file.");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("migrations/V9__typo.sql is not one of the migrations in");
    }
}
