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

/** `strata undo` through the real jar: text, JSON and the exit codes. */
@ExtendWith(FreshDatabase.class)
class UndoProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void files() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__a.sql"), "create table a (id int);\n");
        Files.writeString(migrations.resolve("U1__a.sql"), "drop table a;\n");
        Files.writeString(migrations.resolve("V2__b.sql"), "create table b (id int);\n");
        Files.writeString(migrations.resolve("U2__b.sql"), "drop table b;\n");
        Files.writeString(migrations.resolve("V3__c.sql"), "create table c (id int);\n");
        Files.writeString(migrations.resolve("U3__c.sql"), "drop table c;\n");
    }

    private Map<String, String> environment(TestDatabase database) throws SQLException {
        return DeployerRole.create(database).environment(migrations);
    }

    @Test
    void undoPrintsALinePerUndoFileAndStatusShowsTheUndoneVersions(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();

        StrataCli.Result undo = StrataCli.run(workingDirectory, environment, "undo");
        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        assertThat(undo.stdout()).containsPattern("U3__c\\.sql … \\d+ ms")
                .contains("Undid 1 migration in ", "Schema is now at version 2.").doesNotContain("U2__b.sql");

        StrataCli.Result undoTo = StrataCli.run(workingDirectory, environment, "undo", "--to", "1");
        assertThat(undoTo.exitCode()).as(undoTo.toString()).isZero();
        assertThat(undoTo.stdout()).containsPattern("U2__b\\.sql … \\d+ ms")
                .contains("Undid 1 migration in ", "Schema is now at version 1.").doesNotContain("U3__c.sql");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.stdout()).containsPattern("1\\s+a\\s+applied").containsPattern("2\\s+b\\s+undone")
                .containsPattern("3\\s+c\\s+undone").contains("2 undone", "Current version: 1.");

        StrataCli.Result nothing = StrataCli.run(workingDirectory, environment, "undo", "--to", "1");
        assertThat(nothing.exitCode()).as(nothing.toString()).isZero();
        assertThat(nothing.stdout()).contains("Nothing to undo: schema is at version 1.");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("V2__b.sql", "V3__c.sql", "Schema is now at version 3.");
    }

    @Test
    void aMissingUndoFileExitsWith4NamingItAndUndoesNothing(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();
        Files.delete(migrations.resolve("U2__b.sql"));

        StrataCli.Result undo = StrataCli.run(workingDirectory, environment, "undo", "--to", "1");
        assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(4);
        assertThat(undo.stderr()).contains("an undo file is missing: U2__b.sql", "exit code 4");
        assertThat(undo.stdout()).doesNotContain("U3__c.sql …");

        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "undo", "--to", "1", "--output", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(4);
        JsonNode document = JSON.readTree(json.stdout());
        assertThat(document.path("ok").asBoolean()).isFalse();
        assertThat(document.path("error").path("type").asText()).isEqualTo("undo_refused");
        assertThat(document.path("error").path("missingUndoFiles").get(0).asText()).isEqualTo("U2__b.sql");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.stdout()).containsPattern("3\\s+c\\s+applied").doesNotContain("undone");
    }

    @Test
    void undoAnswersInJson(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();

        StrataCli.Result undo = StrataCli.run(workingDirectory, environment, "undo", "--to", "1", "--output", "json");

        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        JsonNode document = JSON.readTree(undo.stdout());
        assertThat(document.path("command").asText()).isEqualTo("undo");
        assertThat(document.path("ok").asBoolean()).isTrue();
        assertThat(document.path("currentVersion").asText()).isEqualTo("3");
        assertThat(document.path("targetVersion").asText()).isEqualTo("1");
        assertThat(document.path("undone")).hasSize(2);
        assertThat(document.path("undone").get(0).path("script").asText()).isEqualTo("U3__c.sql");
        assertThat(document.path("undone").get(1).path("script").asText()).isEqualTo("U2__b.sql");
        assertThat(document.path("undone").get(1).path("version").asText()).isEqualTo("2");
        assertThat(document.has("elapsedMs")).isTrue();

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status", "--output", "json");
        JsonNode entries = JSON.readTree(status.stdout()).path("entries");
        assertThat(entries.get(2).path("state").asText()).isEqualTo("undone");
    }

    @Test
    void anInvalidToVersionIsAUsageError(TestDatabase database) throws Exception {
        StrataCli.Result result = StrataCli.run(workingDirectory, environment(database), "undo", "--to", "v2");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("invalid version 'v2'");
    }
}
