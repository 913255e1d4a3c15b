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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** `strata diff` as a pipeline runs it: the real jar, exit codes 0 and 4, text and JSON, both kinds of scratch. */
@ExtendWith(FreshDatabase.class)
class DiffProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVERY_KIND = List.of("V1__extensions_schemas_and_types.sql",
            "V2__tables_columns_and_constraints.sql", "V3__indexes_views_and_code.sql");

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void copyTheEveryKindSchema() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        for (String file : EVERY_KIND) {
            try (InputStream in = DiffProcessTest.class.getResourceAsStream("/drift/every-kind/" + file)) {
                Files.copy(in, migrations.resolve(file));
            }
        }
    }

    private Map<String, String> environment(String url) {
        Map<String, String> environment = new HashMap<>();
        environment.put("STRATA_DATABASE__URL", url);
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
        return environment;
    }

    @Test
    void matchesWithExitZeroThenNamesEachHotfixWithExitFour(TestDatabase live, TestDatabase server) throws Exception {
        DeployerRole role = DeployerRole.create(live);
        Map<String, String> environment = environment(role.url());
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        String scratchUrl = server.postgresUrl();

        StrataCli.Result equal = StrataCli.run(workingDirectory, environment, "diff", "--scratch-url", scratchUrl);

        assertThat(equal.exitCode()).as(equal.toString()).isZero();
        assertThat(equal.stdout()).contains("Expected: its 3 applied migrations (up to version 3), replayed into"
                + " database strata_scratch_", "No drift: the schema matches its migrations.");

        execute(live, "drop index jobs_pending_idx;"
                + " create index jobs_pending_idx on jobs (created_at) where state = 'running';"
                + " alter table jobs add column note text");
        StrataCli.Result drifted = StrataCli.run(workingDirectory, environment, "diff", "--scratch-url", scratchUrl);

        assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(4);
        assertThat(drifted.stdout()).contains("2 differences: 1 changed, 1 not created by the migrations",
                "column public.jobs.note: not created by the migrations", "index public.jobs_pending_idx: changed",
                "expected: CREATE INDEX jobs_pending_idx ON public.jobs USING btree (created_at) WHERE (state = 'pending'::public.job_state)",
                "actual:   CREATE INDEX jobs_pending_idx ON public.jobs USING btree (created_at) WHERE (state = 'running'::public.job_state)");
        assertThat(drifted.stderr()).contains("error: the schema of", "has drifted from its migrations", "exit code 4");

        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "diff", "--scratch-url", scratchUrl,
                "--output", "json");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(4);
        JsonNode document = JSON.readTree(json.stdout());
        assertThat(document.path("command").asText()).isEqualTo("diff");
        assertThat(document.path("ok").asBoolean()).isFalse();
        assertThat(document.path("drifted").asBoolean()).isTrue();
        assertThat(document.path("currentVersion").asText()).isEqualTo("3");
        assertThat(document.path("replayed")).hasSize(3);
        assertThat(document.path("error").path("type").asText()).isEqualTo("drift_detected");
        assertThat(document.path("error").path("exitCode").asInt()).isEqualTo(4);
        JsonNode index = StreamSupport.stream(document.path("differences").spliterator(), false)
                .filter(node -> node.path("name").asText().equals("public.jobs_pending_idx")).findFirst().orElseThrow();
        assertThat(index.path("kind").asText()).isEqualTo("INDEX");
        assertThat(index.path("change").asText()).isEqualTo("CHANGED");
        assertThat(index.path("attributes").get(0).path("attribute").asText()).isEqualTo("definition");
        assertThat(index.path("attributes").get(0).path("expected").asText()).endsWith("'pending'::public.job_state)");
        assertThat(index.path("attributes").get(0).path("actual").asText()).endsWith("'running'::public.job_state)");
        JsonNode column = StreamSupport.stream(document.path("differences").spliterator(), false)
                .filter(node -> node.path("name").asText().equals("public.jobs.note")).findFirst().orElseThrow();
        assertThat(column.path("expected").isNull()).isTrue();
        assertThat(column.path("actual").path("type").asText()).isEqualTo("text");

        assertThat(scratchDatabasesLeft(server)).as("every scratch database is dropped").isZero();
        for (StrataCli.Result result : List.of(migrate, equal, drifted, json)) {
            assertThat(result.all()).doesNotContain(role.password());
        }
    }

    @Test
    void theDefaultScratchIsATemporaryEmbeddedServerAndPendingFilesAreNotDrift(TestDatabase live) throws IOException {
        Files.move(migrations.resolve(EVERY_KIND.get(2)), workingDirectory.resolve(EVERY_KIND.get(2)));
        Map<String, String> environment = environment(live.postgresUrl());
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();
        Files.move(workingDirectory.resolve(EVERY_KIND.get(2)), migrations.resolve(EVERY_KIND.get(2)));

        StrataCli.Result result = StrataCli.run(workingDirectory, environment, "diff");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("replayed into embedded PostgreSQL", "(scratch, temporary)",
                "Pending: 1 migration is not applied yet; that is not drift (see `strata status`).",
                "No drift: the schema matches its migrations.");
        assertThat(workingDirectory.resolve(".strata")).as("the solo-mode data directory is not used").doesNotExist();
    }

    @Test
    void diffWorksOnTheEmbeddedSoloModeDatabase() {
        Map<String, String> environment = Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations,
                "STRATA_DATABASE__EMBEDDED", "true");
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();

        StrataCli.Result result = StrataCli.run(workingDirectory, environment, "diff");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Database: embedded PostgreSQL", "No drift");
    }

    @Test
    void excludedObjectsAreNamedInTextAndJsonAndAMalformedPatternIsAConfigurationError(TestDatabase live,
                                                                                      TestDatabase server)
            throws Exception {
        Map<String, String> environment = environment(live.postgresUrl());
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();
        execute(live, "create table flyway_schema_history (installed_rank integer primary key);"
                + " create schema audit; create table audit.events (id bigint)");
        String scratchUrl = server.postgresUrl();

        StrataCli.Result text = StrataCli.run(workingDirectory, environment, "diff", "--scratch-url", scratchUrl,
                "--exclude", "schema:audit");
        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "diff", "--scratch-url", scratchUrl,
                "--exclude", "schema:audit", "--output", "json");
        Map<String, String> badPattern = new HashMap<>(environment);
        badPattern.put("STRATA_DRIFT__EXCLUDE", "audit");
        StrataCli.Result malformed = StrataCli.run(workingDirectory, badPattern, "diff", "--scratch-url", scratchUrl);

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("Excluded: table:*.flyway_schema_history (default: another tool's history"
                        + " table (drift.exclude_tool_history)): table public.flyway_schema_history",
                "Excluded: schema:audit (--exclude): schema audit, table audit.events",
                "No drift: the schema matches its migrations.");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode excluded = JSON.readTree(json.stdout()).path("excluded");
        assertThat(excluded).hasSize(2);
        assertThat(excluded.get(1).path("pattern").asText()).isEqualTo("schema:audit");
        assertThat(excluded.get(1).path("origin").asText()).isEqualTo("--exclude");
        assertThat(excluded.get(1).path("default").asBoolean()).isFalse();
        assertThat(excluded.get(1).path("objects").get(1).path("kind").asText()).isEqualTo("TABLE");
        assertThat(excluded.get(1).path("objects").get(1).path("name").asText()).isEqualTo("audit.events");
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(2);
        assertThat(malformed.stderr()).contains("drift.exclude (from environment variable STRATA_DRIFT__EXCLUDE):"
                + " 'audit' has no selector", "e.g. table:*.audit");
        assertThat(scratchDatabasesLeft(server)).as("every scratch database is dropped").isZero();
    }

    @Test
    void aStepWrittenInGoIsNamedAsOneStrataCannotRunAndWhenSkippedTheComparisonSaysItLeavesItOut(
            TestDatabase live, TestDatabase server) throws Exception {
        Path goose = Files.createDirectories(workingDirectory.resolve("goose"));
        Files.writeString(goose.resolve("00001_create_accounts.sql"), "-- +goose Up\n"
                + "create table accounts (id bigint primary key, plan text);\n-- +goose Down\ndrop table accounts;\n");
        Files.writeString(goose.resolve("00002_backfill_plans.go"), "package migrations\n");
        Files.writeString(goose.resolve("00003_create_invoices.sql"), "-- +goose Up\n"
                + "create table invoices (id bigint primary key);\n-- +goose Down\ndrop table invoices;\n");
        // What goose did: both SQL files, and the Go step (which only updated rows), each logged.
        execute(live, "create table accounts (id bigint primary key, plan text);"
                + " update accounts set plan = 'free' where plan is null;"
                + " create table invoices (id bigint primary key);"
                + " create table goose_db_version (id integer primary key generated by default as identity,"
                + " version_id bigint not null, is_applied boolean not null, tstamp timestamp not null default now());"
                + " insert into goose_db_version (version_id, is_applied) values (0, true), (1, true), (2, true),"
                + " (3, true)");
        Map<String, String> environment = environment(live.postgresUrl());
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + goose);
        environment.put("STRATA_MIGRATIONS__LAYOUT", "goose");
        Map<String, String> skipping = new HashMap<>(environment);
        skipping.put("STRATA_MIGRATIONS__SKIP_GO_MIGRATIONS", "true");
        StrataCli.Result adopt = StrataCli.run(workingDirectory, skipping, "adopt", "--from", "goose");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        assertThat(adopt.stdout()).contains("Recorded 2 rows", "version_id 2 (row id 3): ",
                "00002_backfill_plans.go is a step written in Go");
        String scratchUrl = server.postgresUrl();

        StrataCli.Result refused = StrataCli.run(workingDirectory, environment, "diff", "--scratch-url", scratchUrl);
        StrataCli.Result text = StrataCli.run(workingDirectory, skipping, "diff", "--scratch-url", scratchUrl);
        StrataCli.Result json = StrataCli.run(workingDirectory, skipping, "diff", "--scratch-url", scratchUrl,
                "--output", "json");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.stderr()).contains("00002_backfill_plans.go (version 00002) is a goose migration written"
                + " in Go, which Strata cannot run", "migrations.skip_go_migrations = true");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("Left out: ", "00002_backfill_plans.go (version 00002), a goose step"
                + " written in Go that Strata cannot run", "so the comparison excludes it",
                "No drift: the schema matches its migrations.");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode steps = JSON.readTree(json.stdout()).path("skippedGoSteps");
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).path("path").asText()).endsWith("/00002_backfill_plans.go");
        assertThat(steps.get(0).path("version").asText()).isEqualTo("00002");
        assertThat(steps.get(0).path("layout").asText()).isEqualTo("goose");
        assertThat(JSON.readTree(json.stdout()).path("notes")).isEmpty();
    }

    @Test
    void aMalformedScratchUrlIsAUsageErrorBeforeAnythingStarts(TestDatabase live) {
        StrataCli.Result result = StrataCli.run(workingDirectory, environment(live.postgresUrl()), "diff",
                "--scratch-url", "mysql://somewhere/db");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("(from --scratch-url)", "is not valid", "mysql://somewhere/db");
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long scratchDatabasesLeft(TestDatabase server) throws SQLException {
        try (Connection connection = server.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select count(*) from pg_database where datname like 'strata\\_scratch\\_%'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
