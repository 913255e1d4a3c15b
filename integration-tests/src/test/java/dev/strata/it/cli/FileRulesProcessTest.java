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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the jar says about a file's directives, its notices and what it may not hold, on a real PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class FileRulesProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void createMigrationDirectory() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Map<String, String> environment(TestDatabase database) throws SQLException {
        return DeployerRole.create(database).environment(migrations);
    }

    @Test
    void planShowsEachFilesTransactionModeAndTimeoutsInTextAndJson(TestDatabase database) throws Exception {
        write("V1__table.sql", "create table t (a int);\n");
        write("V2__index.sql", "/* the search index */\n-- strata:transaction=false\n-- strata:lock_timeout=5s\n"
                + "create index concurrently t_a on t (a);\n");
        Map<String, String> environment = environment(database);

        StrataCli.Result text = StrataCli.run(workingDirectory, environment, "plan");
        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "plan", "--output", "json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("V1__table.sql (version 1, 1 statement, in one transaction)")
                .contains("V2__index.sql (version 2, 1 statement, without a transaction, lock_timeout=5s)");
        JsonNode pending = JSON.readTree(json.stdout()).path("pending");
        assertThat(pending.get(1).path("directives").toString())
                .isEqualTo("{\"transaction\":false,\"statementTimeout\":null,\"lockTimeout\":\"5s\"}");
    }

    @Test
    void aMisplacedDirectiveIsAValidationErrorNamingItsLine(TestDatabase database) throws Exception {
        write("V1__late.sql", "create table t (a int);\n-- strata:transaction=false\n");

        StrataCli.Result result = StrataCli.run(workingDirectory, environment(database), "validate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.all()).contains(migrations.resolve("V1__late.sql") + ":2: '-- strata:transaction=false'"
                + " comes after the first statement (line 1) and would be ignored");
    }

    @Test
    void copyFromStdinIsRefusedByPlanWithItsLineAndNothingRuns(TestDatabase database) throws Exception {
        write("V1__load.sql", "create table t (a int);\ncopy t from stdin;\n1\n2\n\\.\n");

        StrataCli.Result result = StrataCli.run(workingDirectory, environment(database), "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.all()).contains(migrations.resolve("V1__load.sql") + ":2: 'copy t from stdin' exchanges"
                + " its data with the client").contains("INSERT … VALUES");
    }

    @Test
    void noticesOfAMigrationAreShownOnStderrWithFileAndLine(TestDatabase database) throws Exception {
        write("V1__talks.sql", "create table t (a int);\n\ndo $$ begin raise warning 'check the backfill'; end $$;\n");

        StrataCli.Result result = StrataCli.run(workingDirectory, environment(database), "migrate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains(migrations.resolve("V1__talks.sql") + ":3: WARNING: check the backfill");
        assertThat(result.stdout()).doesNotContain("check the backfill");
    }
}
