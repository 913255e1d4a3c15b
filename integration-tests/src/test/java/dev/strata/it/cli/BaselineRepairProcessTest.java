package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `strata baseline` and `strata repair` through the real jar. */
@ExtendWith(FreshDatabase.class)
class BaselineRepairProcessTest {
    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void files() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__a.sql"), "create table a (id int);\n");
        Files.writeString(migrations.resolve("V2__b.sql"), "create table b (id int);\n");
        Files.writeString(migrations.resolve("V3__c.sql"), "create table c (id int);\n");
    }

    private Map<String, String> environment(TestDatabase database) throws SQLException {
        return DeployerRole.create(database).environment(migrations);
    }

    @Test
    void baselineAdoptsAnExistingSchemaAndMigrateAppliesOnlyNewerFiles(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        execute(database, "create table a (id int)", "create table b (id int)");

        StrataCli.Result baseline = StrataCli.run(workingDirectory, environment, "baseline", "--version", "2");
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
        assertThat(baseline.stdout()).contains("Baselined", "at version 2");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.stdout()).containsPattern("1\\s+a\\s+below baseline").containsPattern("2\\s+baseline\\s+baseline")
                .containsPattern("3\\s+c\\s+pending");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("V3__c.sql").doesNotContain("V1__a.sql", "V2__b.sql");
        assertThat(count(database, "select count(*) from strata_schema_history")).isEqualTo(2);

        StrataCli.Result again = StrataCli.run(workingDirectory, environment, "baseline", "--version", "3");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(4);
        assertThat(again.stderr()).contains("baseline refused", "already has 2 rows");
    }

    @Test
    void baselineRejectsAnInvalidVersion(TestDatabase database) throws Exception {
        StrataCli.Result result = StrataCli.run(workingDirectory, environment(database), "baseline", "--version", "v2");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("invalid version 'v2'");
    }

    @Test
    void repairRealignsAnIntendedEditAndRemovesFailedRows(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();
        Files.writeString(migrations.resolve("V2__b.sql"), "create table b (id int); -- reviewed\n");
        execute(database, "insert into strata_schema_history (installed_rank, version, description, type, script,"
                + " checksum, execution_ms, success) values (4, '4', 'd', 'SQL', 'V4__d.sql', 'sha256:00', 1, false)");
        assertThat(StrataCli.run(workingDirectory, environment, "validate").exitCode()).isEqualTo(4);

        StrataCli.Result repair = StrataCli.run(workingDirectory, environment, "repair");

        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.stdout()).contains("V2__b.sql (version 2): recorded checksum sha256:",
                "V4__d.sql (version 4): removed failed history row 4", "2 changes.");
        StrataCli.Result validate = StrataCli.run(workingDirectory, environment, "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(StrataCli.run(workingDirectory, environment, "repair").stdout()).contains("Nothing to repair");
    }

    @Test
    void baselineAndRepairAnswerInJson(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);

        StrataCli.Result baseline = StrataCli.run(workingDirectory, environment, "baseline", "--version", "1",
                "--output", "json");
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(baseline.stdout());
        assertThat(document.path("command").asText()).isEqualTo("baseline");
        assertThat(document.path("baseline").path("version").asText()).isEqualTo("1");

        StrataCli.Result repair = StrataCli.run(workingDirectory, environment, "repair", "--output", "json");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(repair.stdout()).path("repairs").isArray())
                .isTrue();
    }

    private static void execute(TestDatabase database, String... sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
