package dev.strata.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20 through the jar: no-op files in plan and status, undo files in validate, and the settings and refusals. */
@ExtendWith(FreshDatabase.class)
class FoldersFromOtherToolsProcessTest {
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
    void noOpFilesAreShownAsSuchByPlanAndStatusInTextAndJson(TestDatabase database) throws Exception {
        write("V1__table.sql", "create table t (a int);\n");
        write("V2__sqlite_only.sql", "-- nothing to do on PostgreSQL\n");
        Map<String, String> environment = environment(database);

        StrataCli.Result plan = StrataCli.run(workingDirectory, environment, "plan");
        StrataCli.Result planJson = StrataCli.run(workingDirectory, environment, "plan", "--output", "json");
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        StrataCli.Result statusJson = StrataCli.run(workingDirectory, environment, "status", "--output", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("V2__sqlite_only.sql (version 2, no-op: no statements");
        assertThat(JSON.readTree(planJson.stdout()).path("pending").get(1).path("noOp").asBoolean()).isTrue();
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).containsPattern("2\\s+sqlite only\\s+applied \\(no-op\\)");
        List<Boolean> noOps = new ArrayList<>();
        JSON.readTree(statusJson.stdout()).path("entries").forEach(entry -> noOps.add(entry.path("noOp").asBoolean()));
        assertThat(noOps).containsExactly(false, true);
    }

    @Test
    void validateRefusesAnUndoFileUndoWouldRefuseWithFileAndLine(TestDatabase database) throws Exception {
        write("V1__index.sql", "create table t (a int);\ncreate index t_a on t (a);\n");
        write("U1__index.sql", "drop index concurrently t_a;\ndrop table t;\n");

        StrataCli.Result result = StrataCli.run(workingDirectory, environment(database), "validate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.all()).contains(migrations.resolve("U1__index.sql") + ":1: 'drop index concurrently t_a'"
                + " cannot run inside a transaction");
    }

    @Test
    void nonTransactionalDetectIsReadFromTheConfigurationAndABadValueIsExitTwo(TestDatabase database)
            throws Exception {
        write("V1__table.sql", "create table t (a int);\n");
        write("V2__index.sql", "create index concurrently t_a on t (a);\n");
        Map<String, String> environment = environment(database);

        StrataCli.Result refused = StrataCli.run(workingDirectory, environment, "validate");
        Files.writeString(workingDirectory.resolve("strata.toml"), "[migrations]\nnon_transactional = \"sometimes\"\n");
        StrataCli.Result badValue = StrataCli.run(workingDirectory, environment, "validate");
        Files.writeString(workingDirectory.resolve("strata.toml"), "[migrations]\nnon_transactional = \"detect\"\n");
        StrataCli.Result plan = StrataCli.run(workingDirectory, environment, "plan");
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(badValue.exitCode()).as(badValue.toString()).isEqualTo(2);
        assertThat(badValue.stderr()).contains("non_transactional", "'sometimes'",
                "\"layout\", \"directive\" or \"detect\"");
        assertThat(plan.stdout()).contains("V2__index.sql (version 2, 1 statement, without a transaction)");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
    }

    @Test
    void migrateOnASchemaAnotherToolBuiltIsAConfigurationErrorNamingWhatItFound(TestDatabase database)
            throws Exception {
        Map<String, String> environment = environment(database);
        Queries.execute(database, "create table customers (id int); create sequence invoice_numbers");
        write("V1__customers.sql", "create table if not exists customers (id int);\n");
        write("V2__orders.sql", "create table orders (id int);\n");

        StrataCli.Result refused = StrataCli.run(workingDirectory, environment, "migrate");
        environment.put("STRATA_MIGRATIONS__ALLOW_NON_EMPTY", "true");
        StrataCli.Result allowed = StrataCli.run(workingDirectory, environment, "migrate");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr()).contains("public holds 2 objects (table public.customers, sequence"
                + " public.invoice_numbers)").contains("strata baseline").contains("migrations.allow_non_empty");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
    }

    @Test
    void pointingTheHistoryTableAtFlywaysIsExitSixNamingFlyway(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(database);
        Queries.execute(database, "create table flyway_schema_history (installed_rank int primary key,"
                + " version varchar(50), description varchar(200) not null, type varchar(20) not null,"
                + " script varchar(1000) not null, checksum int, installed_by varchar(100) not null,"
                + " installed_on timestamp not null default now(), execution_time int not null,"
                + " success boolean not null); grant select on flyway_schema_history to public");
        write("V1__table.sql", "create table t (a int);\n");
        environment.put("STRATA_MIGRATIONS__TABLE", "flyway_schema_history");

        StrataCli.Result result = StrataCli.run(workingDirectory, environment, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("it is Flyway's history table, not Strata's")
                .contains("strata adopt --from flyway").doesNotContain("a migration failed");
        assertThat(Queries.relationExists(database, "t")).isFalse();
    }
}
