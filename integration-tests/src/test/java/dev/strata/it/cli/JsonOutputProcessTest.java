package dev.strata.it.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** `--output json` through the real jar on a real PostgreSQL: one parseable document on stdout, every time. */
@ExtendWith(FreshDatabase.class)
class JsonOutputProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PASSWORDS = new CopyOnWriteArrayList<>();

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void createMigrationDirectory() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        write("V1__create_jobs.sql", "create table jobs (id bigint primary key, name text not null);\n");
        write("V2__add_status.sql", "alter table jobs add column status text;\n"
                + "update jobs set status = 'new'; -- backfill; harmless on an empty table\n");
        write("V3__create_events.sql", "-- events of a job\n\ncreate table job_events (\n  id bigint primary key,\n"
                + "  job_id bigint references jobs (id) on delete cascade\n);\n");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Map<String, String> environment(TestDatabase database) throws SQLException {
        DeployerRole role = DeployerRole.create(database);
        PASSWORDS.add(role.password());
        return role.environment(migrations);
    }

    /** Runs a command with --output json; its stdout must be one JSON document whatever the exit code. */
    private Run strata(Map<String, String> environment, String... args) throws IOException {
        List<String> withJson = new ArrayList<>(List.of(args));
        withJson.add("--output");
        withJson.add("json");
        StrataCli.Result result = StrataCli.run(workingDirectory, environment, withJson.toArray(String[]::new));
        return new Run(result, singleDocument(result));
    }

    private record Run(StrataCli.Result result, JsonNode document) {
        int exitCode() {
            return result.exitCode();
        }
    }

    private static JsonNode singleDocument(StrataCli.Result result) throws IOException {
        try (JsonParser parser = JSON.createParser(result.stdout())) {
            JsonNode document = JSON.readTree(parser);
            assertThat(document).as(result.toString()).isNotNull();
            assertThat(parser.nextToken()).as("stdout holds exactly one document: " + result).isNull();
            assertThat(document.isObject()).as(result.toString()).isTrue();
            return document;
        }
    }

    @Test
    void migrateReportsEachAppliedFileAndTheTargetVersion(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);

        Run migrate = strata(environment, "migrate");

        assertThat(migrate.exitCode()).as(migrate.result().toString()).isZero();
        JsonNode document = migrate.document();
        assertThat(document.path("command").asText()).isEqualTo("migrate");
        assertThat(document.path("ok").asBoolean()).isTrue();
        assertThat(document.path("database").asText()).contains(database.name()).contains(":***@");
        assertThat(document.path("currentVersion").isNull()).isTrue();
        assertThat(document.path("targetVersion").asText()).isEqualTo("3");
        JsonNode applied = document.path("applied");
        assertThat(applied).hasSize(3);
        assertThat(applied.get(0).path("script").asText()).isEqualTo("V1__create_jobs.sql");
        assertThat(applied.get(1).path("version").asText()).isEqualTo("2");
        assertThat(applied.get(1).path("statements").asInt()).isEqualTo(2);
        assertThat(applied.get(2).path("executionMs").isInt()).isTrue();
        assertThat(migrate.result().stdout()).as("no progress text in json mode").doesNotContain("Migrating ");

        Run again = strata(environment, "migrate");
        assertThat(again.exitCode()).isZero();
        assertThat(again.document().path("applied")).isEmpty();
        assertThat(again.document().path("currentVersion").asText()).isEqualTo("3");
        assertThat(again.document().path("targetVersion").asText()).isEqualTo("3");
    }

    @Test
    void statusListsEveryEntryWithItsState(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        Files.move(migrations.resolve("V3__create_events.sql"), workingDirectory.resolve("V3.held"));
        assertThat(strata(environment, "migrate").exitCode()).isZero();
        Files.move(workingDirectory.resolve("V3.held"), migrations.resolve("V3__create_events.sql"));

        Run status = strata(environment, "status");

        assertThat(status.exitCode()).as(status.result().toString()).isZero();
        JsonNode document = status.document();
        assertThat(document.path("currentVersion").asText()).isEqualTo("2");
        assertThat(document.path("targetVersion").asText()).isEqualTo("3");
        JsonNode entries = document.path("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).path("state").asText()).isEqualTo("applied");
        assertThat(entries.get(0).path("description").asText()).isEqualTo("create jobs");
        assertThat(OffsetDateTime.parse(entries.get(0).path("installedAt").asText())).isNotNull();
        assertThat(entries.get(0).path("executionMs").isInt()).isTrue();
        assertThat(entries.get(2).path("state").asText()).isEqualTo("pending");
        assertThat(entries.get(2).path("installedAt").isNull()).isTrue();
        assertThat(document.path("pending").get(0).path("script").asText()).isEqualTo("V3__create_events.sql");
        assertThat(document.path("problems")).isEmpty();
    }

    @Test
    void planListsEachPendingStatementWithItsLine(TestDatabase database) throws Exception {
        Run plan = strata(environment(database), "plan");

        assertThat(plan.exitCode()).as(plan.result().toString()).isZero();
        JsonNode pending = plan.document().path("pending");
        assertThat(pending).hasSize(3);
        JsonNode addStatus = pending.get(1);
        assertThat(addStatus.path("script").asText()).isEqualTo("V2__add_status.sql");
        assertThat(addStatus.path("transactional").asBoolean()).isTrue();
        JsonNode statements = addStatus.path("statements");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(statements.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(statements.get(0).path("sql").asText()).isEqualTo("alter table jobs add column status text");
        assertThat(statements.get(1).path("number").asInt()).isEqualTo(2);
        assertThat(statements.get(1).path("line").asInt()).isEqualTo(2);
        JsonNode createEvents = pending.get(2).path("statements").get(0);
        assertThat(createEvents.path("line").asInt()).as("after the header comment").isEqualTo(3);
        assertThat(createEvents.path("sql").asText()).startsWith("create table job_events (\n  id bigint");
        assertThat(plan.document().path("targetVersion").asText()).isEqualTo("3");
    }

    @Test
    void validateOnAnEditedFileExits4WithTheProblem(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        assertThat(strata(environment, "migrate").exitCode()).isZero();
        write("V2__add_status.sql", "alter table jobs add column status text not null default 'new';\n");

        Run validate = strata(environment, "validate");

        assertThat(validate.exitCode()).as(validate.result().toString()).isEqualTo(4);
        JsonNode document = validate.document();
        assertThat(document.path("ok").asBoolean(true)).isFalse();
        JsonNode problem = document.path("problems").get(0);
        assertThat(problem.path("kind").asText()).isEqualTo("EDITED");
        assertThat(problem.path("script").asText()).isEqualTo("V2__add_status.sql");
        assertThat(problem.path("version").asText()).isEqualTo("2");
        assertThat(problem.path("message").asText()).contains("edit detected in");
        assertThat(problem.path("hint").asText()).contains("strata repair");
        assertThat(problem.path("message").asText()).as("the message as text prints it")
                .contains("lines 1-2 (applied) became line 1 (now)");
        JsonNode changed = problem.path("changedLines");
        assertThat(changed.path("firstLine").asInt()).isEqualTo(1);
        assertThat(changed.path("now")).extracting(JsonNode::asText)
                .containsExactly("alter table jobs add column status text not null default 'new';");
        assertThat(changed.path("applied")).hasSize(2);
        assertThat(document.path("entries").get(1).path("state").asText()).isEqualTo("edited");
        assertThat(document.path("error").path("type").asText()).isEqualTo("validation_failed");
        assertThat(document.path("error").path("exitCode").asInt()).isEqualTo(4);
        assertThat(validate.result().stderr()).contains("edit detected in", "exit code 4");

        Run plan = strata(environment, "plan");
        assertThat(plan.exitCode()).isEqualTo(4);
        assertThat(plan.document().path("problems").get(0).path("kind").asText()).isEqualTo("EDITED");
    }

    @Test
    void aFailingMigrationExits1WithFileLineAndSqlState(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        write("V4__broken.sql", "create table fine (id int);\n\ninsert into no_such_table values (1);\n");

        Run migrate = strata(environment, "migrate");

        assertThat(migrate.exitCode()).as(migrate.result().toString()).isEqualTo(1);
        JsonNode document = migrate.document();
        assertThat(document.path("ok").asBoolean(true)).isFalse();
        assertThat(document.path("applied")).as("the files applied before the failing one").hasSize(3);
        JsonNode error = document.path("error");
        assertThat(error.path("type").asText()).isEqualTo("migration_failed");
        assertThat(error.path("exitCode").asInt()).isEqualTo(1);
        assertThat(error.path("script").asText()).isEqualTo("V4__broken.sql");
        assertThat(error.path("version").asText()).isEqualTo("4");
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("column").asInt()).isEqualTo(13);
        assertThat(error.path("sqlState").asText()).isEqualTo("42P01");
        assertThat(error.path("serverMessage").asText()).isEqualTo("relation \"no_such_table\" does not exist");
        assertThat(error.path("statement").asText()).isEqualTo("insert into no_such_table values (1)");
        assertThat(error.path("hint").asText()).contains("fix V4__broken.sql");
        assertThat(migrate.result().stderr()).contains("V4__broken.sql:3:13", "42P01", "exit code 1");
    }

    @Test
    void aWrongPasswordIsADocumentWithExit3AndNoPassword(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        String wrong = "Wrong" + role.password();
        PASSWORDS.add(role.password());
        PASSWORDS.add(wrong);
        Map<String, String> environment = Map.of("STRATA_DATABASE__URL", role.urlWithPassword(wrong),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);

        Run status = strata(environment, "status");

        assertThat(status.exitCode()).as(status.result().toString()).isEqualTo(3);
        assertThat(status.document().path("error").path("type").asText()).isEqualTo("database_connection");
        assertThat(status.document().path("error").path("message").asText()).contains("28P01");
        assertThat(status.result().all()).doesNotContain(wrong).doesNotContain(role.password());
    }

    @AfterAll
    static void noOutputEverContainsAPassword() {
        for (String output : StrataCli.allOutput()) {
            for (String password : PASSWORDS) {
                assertThat(output).doesNotContain(password);
            }
        }
    }
}
