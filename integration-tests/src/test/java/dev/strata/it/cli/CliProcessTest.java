package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.lock.AdvisoryLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar as a pipeline runs it: exit codes, stdout and stderr, on a real PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class CliProcessTest {
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
        write("V3__create_events.sql", "create table job_events (\n  id bigint primary key,\n"
                + "  job_id bigint references jobs (id) on delete cascade\n);\n");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Map<String, String> environment(DeployerRole role) {
        PASSWORDS.add(role.password());
        return role.environment(migrations);
    }

    private StrataCli.Result strata(Map<String, String> environment, String... args) {
        return StrataCli.run(workingDirectory, environment, args);
    }

    @Test
    void migrateAppliesEveryFileThenARerunIsANoOp(TestDatabase database) throws SQLException {
        Map<String, String> environment = environment(DeployerRole.create(database));

        StrataCli.Result first = strata(environment, "migrate");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("V1__create_jobs.sql", "V3__create_events.sql",
                "Applied 3 migrations", "version 3");

        StrataCli.Result second = strata(environment, "migrate");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("up to date at version 3").doesNotContain("V1__create_jobs.sql …");
        assertThat(historyCount(database)).isEqualTo(3);
    }

    @Test
    void statusShowsEveryStateAndValidateAcceptsPending(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));
        Files.move(migrations.resolve("V3__create_events.sql"), workingDirectory.resolve("V3.held"));
        assertThat(strata(environment, "migrate").exitCode()).isZero();
        Files.move(workingDirectory.resolve("V3.held"), migrations.resolve("V3__create_events.sql"));

        StrataCli.Result status = strata(environment, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).containsPattern("1\\s+create jobs\\s+applied\\s+\\d{4}-\\d\\d-\\d\\d")
                .containsPattern("3\\s+create events\\s+pending")
                .contains("3 migrations: 2 applied, 1 pending. Current version: 2.");

        StrataCli.Result validate = strata(environment, "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).contains("no problems, 1 pending");
    }

    @Test
    void anEditedAppliedFileFailsValidateAndMigrateWithExitCode4(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));
        assertThat(strata(environment, "migrate").exitCode()).isZero();
        write("V2__add_status.sql", "alter table jobs add column status text not null default 'new';\n");
        write("V4__more.sql", "create table more (id int);\n");

        StrataCli.Result validate = strata(environment, "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(4);
        assertThat(validate.stderr()).contains("edit detected in", "V2__add_status.sql", "strata repair",
                "exit code 4");

        StrataCli.Result migrate = strata(environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(4);
        assertThat(historyCount(database)).isEqualTo(3);

        StrataCli.Result status = strata(environment, "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).containsPattern("2\\s+add status\\s+edited").contains("1 problem:");
    }

    @Test
    void planListsPendingStatementsWithLinesAndChangesNothing(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));

        StrataCli.Result plan = strata(environment, "plan");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("V2__add_status.sql (version 2, 2 statements, in one transaction)",
                "  1. line 1: alter table jobs add column status text",
                "  2. line 2: update jobs set status = 'new'",
                "3 pending migrations would bring the schema to version 3. Nothing was changed.");
        assertThat(historyCount(database)).isZero();
        assertThat(tableExists(database, "jobs")).isFalse();

        assertThat(strata(environment, "migrate").exitCode()).isZero();
        StrataCli.Result upToDate = strata(environment, "plan");
        assertThat(upToDate.exitCode()).isZero();
        assertThat(upToDate.stdout()).contains("No pending migrations. Database is up to date.");

        write("V1__create_jobs.sql", "create table jobs (id bigint primary key);\n");
        StrataCli.Result problem = strata(environment, "plan");
        assertThat(problem.exitCode()).as(problem.toString()).isEqualTo(4);
        assertThat(problem.stderr()).contains("edit detected in", "V1__create_jobs.sql");
    }

    @Test
    void aFailingMigrationExitsWith1NamingFileLineAndSqlState(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));
        write("V4__broken.sql", "create table fine (id int);\n\ninsert into no_such_table values (1);\n");

        StrataCli.Result result = strata(environment, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("V4__broken.sql", "V4__broken.sql:3:13", "42P01",
                "relation \"no_such_table\" does not exist", "rolled back", "exit code 1");
        assertThat(historyCount(database)).isEqualTo(3);
        assertThat(tableExists(database, "fine")).isFalse();

        write("V4__broken.sql", "create table fine (id int);\n");
        assertThat(strata(environment, "migrate").exitCode()).isZero();
        assertThat(tableExists(database, "fine")).isTrue();
    }

    @Test
    void badFilesExitWith4AndNothingIsApplied(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));
        write("V2_1_typo.sql", "select 1;\n");
        write("V3__duplicate.sql", "select 1;\n");

        StrataCli.Result result = strata(environment, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("V2_1_typo.sql", "V<version>__<description>.sql",
                "version 3 is used by two files", "V3__create_events.sql", "V3__duplicate.sql");
        assertThat(tableExists(database, "jobs")).isFalse();
        assertThat(tableExists(database, "strata_schema_history")).as("a refused plan leaves no trace").isFalse();
    }

    @Test
    void anUnreachableServerExitsWith3(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        Map<String, String> environment = environment(role);
        environment.put("STRATA_DATABASE__URL", "postgresql://" + role.name() + ":" + role.password()
                + "@127.0.0.1:1/nowhere");

        StrataCli.Result result = strata(environment, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("cannot connect to postgresql://" + role.name() + ":***@127.0.0.1:1/nowhere",
                "exit code 3");
    }

    @Test
    void aWrongPasswordExitsWith3AndIsNeverPrinted(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        Map<String, String> environment = environment(role);
        String wrong = "Wrong" + role.password();
        PASSWORDS.add(wrong);
        environment.put("STRATA_DATABASE__URL", role.urlWithPassword(wrong));

        StrataCli.Result result = strata(environment, "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("password authentication failed", "SQLSTATE 28P01");
        assertThat(result.all()).doesNotContain(wrong).doesNotContain(role.password());
    }

    @Test
    void aPasswordGivenSeparatelyWorksAndIsNeverPrinted(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        Map<String, String> environment = environment(role);
        environment.put("STRATA_DATABASE__URL", role.url().replace(":" + role.password() + "@", "@"));
        environment.put("STRATA_DATABASE__PASSWORD", role.password());
        Path config = Files.writeString(workingDirectory.resolve("strata.toml"),
                "[migrations]\nlock_timeout = \"10s\"\n");

        StrataCli.Result result = strata(environment, "migrate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.all()).doesNotContain(role.password());
    }

    @Test
    void aHeldLockExitsWith5NamingTheHolder(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));
        environment.put("STRATA_MIGRATIONS__LOCK_TIMEOUT", "1s");
        long key = AdvisoryLock.keyFor(database.name(), new SchemaTable("public", "strata_schema_history"));
        try (Connection holder = database.open(); Statement statement = holder.createStatement()) {
            statement.execute("set application_name = 'release-42'");
            statement.execute("select pg_advisory_lock(" + key + ")");
            int pid = backendPid(holder);

            StrataCli.Result result = strata(environment, "migrate");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderr()).contains("could not acquire the migration lock within 1 s",
                    "pid " + pid, "release-42", "exit code 5");
            assertThat(historyCount(database)).isZero();
        }
        assertThat(strata(environment, "migrate").exitCode()).isZero();
    }

    @Test
    void aConfigurationErrorExitsWith2(TestDatabase database) throws Exception {
        Map<String, String> environment = environment(DeployerRole.create(database));
        Path config = Files.writeString(workingDirectory.resolve("strata.toml"),
                "[migrations]\nlock_timeout = \"10s\"\nout_of_ordr = true\n");

        StrataCli.Result result = strata(environment, "migrate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("unknown key 'out_of_ordr'", "strata.toml:3", "exit code 2");
    }

    @Test
    void eightConcurrentProcessesApplyEachVersionExactlyOnce(TestDatabase database) throws Exception {
        for (int i = 4; i <= 20; i++) {
            write("V" + i + "__table_" + i + ".sql", "create table t" + i + " (id int);\ninsert into t" + i
                    + " values (" + i + ");\n");
        }
        Map<String, String> environment = environment(DeployerRole.create(database));
        List<StrataCli.Launched> processes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            processes.add(StrataCli.Runner.launch(workingDirectory, environment, "migrate"));
        }
        List<StrataCli.Result> results = new ArrayList<>();
        for (StrataCli.Launched process : processes) {
            results.add(StrataCli.Runner.await(process));
        }

        assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.toString()).isZero());
        assertThat(historyCount(database)).isEqualTo(20);
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(distinct version) from strata_schema_history where success")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(20);
        }
        long applying = results.stream().filter(result -> result.stdout().contains("Applied ")).count();
        assertThat(applying).isGreaterThanOrEqualTo(1);
    }

    @AfterAll
    static void noOutputEverContainsAPassword() {
        for (String output : StrataCli.allOutput()) {
            for (String password : PASSWORDS) {
                assertThat(output).doesNotContain(password);
            }
        }
    }

    private static int historyCount(TestDatabase database) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select to_regclass('public.strata_schema_history') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from strata_schema_history")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean tableExists(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.open();
             PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, "public." + table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
