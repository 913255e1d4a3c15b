package dev.strata.it.cli;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 14 and item 13, through the real jar: each failure kind has its own wording and documented exit
 * code, no stack trace, and no fallback to a throwaway embedded database from a script.
 */
@ExtendWith(FreshDatabase.class)
class FailureWordingProcessTest {
    private static final String STACK_FRAME = "\tat ";

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void writeMigrations() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        write("V1__jobs.sql", "create table jobs (id int);\n");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assertHistoryUnreadable(StrataCli.Result result, String... fragments) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("cannot read the history table public.strata_schema_history")
                .contains(fragments)
                .contains("exit code 6: the history table cannot be read or written")
                .doesNotContain("rolled back", "a migration failed", STACK_FRAME, "unexpected");
    }

    @Test
    void statusOnATableThatIsNotAHistoryTableExitsSixAndSaysSo(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        execute(database, "create table strata_schema_history (id int, note text)");
        execute(database, "alter table strata_schema_history owner to " + role.name());

        StrataCli.Result status = StrataCli.run(workingDirectory, role.environment(migrations), "status");

        assertHistoryUnreadable(status, "[SQLSTATE 42703]", "is not a Strata history table");
        StrataCli.Result json = StrataCli.run(workingDirectory, role.environment(migrations), "status",
                "--output", "json");
        assertThat(json.exitCode()).isEqualTo(6);
        assertThat(json.stdout()).contains("\"exitCode\": 6").doesNotContain("rolled back");
    }

    @Test
    void statusWithoutSelectOnTheHistoryExitsSixWithTheGrantToAdd(TestDatabase database) throws Exception {
        DeployerRole owner = DeployerRole.create(database);
        assertThat(StrataCli.run(workingDirectory, owner.environment(migrations), "migrate").exitCode()).isZero();
        DeployerRole reader = DeployerRole.create(database);
        execute(database, "revoke all on strata_schema_history from " + reader.name());

        StrataCli.Result status = StrataCli.run(workingDirectory, reader.environment(migrations), "status");

        assertHistoryUnreadable(status, "permission denied", "[SQLSTATE 42501]", "grant the role SELECT on");
    }

    @Test
    void statusWithACorruptVersionValueExitsSixNamingTheRow(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        Map<String, String> environment = role.environment(migrations);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();
        execute(database, "update strata_schema_history set version = 'one.two' where version = '1'");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");

        assertHistoryUnreadable(status, "row installed_rank 1 has version 'one.two', which is not a version");
    }

    @Test
    void aFailedFileWithoutATransactionIsNotSaidToBeRolledBack(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write("V2__no_tx.sql", "-- strata:transaction=false\ncreate table kept (id int);\nselect nope;\n");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, role.environment(migrations), "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(1);
        assertThat(migrate.stderr()).contains("ran without a transaction", "exit code 1: a migration without a "
                + "transaction failed part-way").doesNotContain("rolled back", STACK_FRAME);
    }

    @Test
    void aFailedTransactionalFileIsSaidToBeRolledBack(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write("V2__broken.sql", "create table gone (id int);\nselect nope;\n");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, role.environment(migrations), "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(1);
        assertThat(migrate.stderr()).contains("exit code 1: a migration failed; its transaction was rolled back");
    }

    @Test
    void aBadPortInAJdbcUrlIsAConfigurationErrorWithoutADriverLogLine() {
        StrataCli.Result status = StrataCli.run(workingDirectory, Map.of("STRATA_MIGRATIONS__LOCATIONS",
                "filesystem:" + migrations), "status", "--url", "jdbc:postgresql://127.0.0.1:99999/db");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
        assertThat(status.stderr()).contains("port '99999' is not a number from 1 to 65535")
                .doesNotContain("SEVERE", "org.postgresql", STACK_FRAME);
    }

    @Test
    void aRefusedUndoPrintsNoHeadingAsIfItHadStarted(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        Map<String, String> environment = role.environment(migrations);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate").exitCode()).isZero();

        StrataCli.Result undo = StrataCli.run(workingDirectory, environment, "undo");

        assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(4);
        assertThat(undo.stdout()).doesNotContain("Undoing in");
        assertThat(undo.stderr()).contains("U1__");
    }

    @Test
    void fromAScriptWithoutAUrlTheEmbeddedFallbackIsRefusedAndATypoIsPointedOut() {
        StrataCli.Result migrate = StrataCli.run(workingDirectory, Map.of("STRATA_DATABASE_URL",
                "postgresql://localhost:1/db", "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations), "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
        assertThat(migrate.stderr()).contains("did you mean STRATA_DATABASE__URL?",
                "no database URL is configured, and stdin is not a terminal", "--embedded");
        assertThat(migrate.all()).doesNotContain("Using embedded PostgreSQL", "Applied");
        assertThat(workingDirectory.resolve(".strata")).doesNotExist();
    }
}
