package dev.strata.it.reliability;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import dev.strata.migrations.ConnectionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection goes away in the middle of a migration: an administrator ends the migrator's session, the session
 * holding the migration lock ends, or the server restarts. Each time the run stops with exit code 3 and a message
 * that says which file was running and that nothing of it was applied; the history and the schema agree, and a
 * rerun completes. The migrator is stopped at a known statement by a {@link Gate}, never by timing.
 */
@ExtendWith(FreshDatabase.class)
class ConnectionLossTest {
    private static final String GATED = "V3__gated.sql";

    @TempDir
    Path workingDirectory;

    /** V3 creates a table, waits at gate 3, then fills the table: stopped at the gate, it is half done. */
    private static void writeMigrations(Path directory) throws Exception {
        writeMigrations(directory, Gate.statement(3));
    }

    /**
     * @param gate {@link Gate#statement} stops V3 between statements run one by one; {@link Gate#pipelinedStatement}
     *             stops it inside the one batch that carries it, its history row, the lock check and its commit
     */
    private static void writeMigrations(Path directory, String gate) throws Exception {
        Files.writeString(directory.resolve("V1__create_a.sql"), "create table a (id int);\n");
        Files.writeString(directory.resolve("V2__create_b.sql"), "create table b (id int);\n");
        Files.writeString(directory.resolve(GATED), "create table c (id int);\n" + gate + ";\n"
                + "insert into c values (1);\n");
        Files.writeString(directory.resolve("V4__create_d.sql"), "create table d (id int);\n");
    }

    private Deployment deploy(TestDatabase database, String gate) throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory);
        writeMigrations(deployment.migrations(), gate);
        return deployment;
    }

    /** Runs migrate and ends its migration session (pg_terminate_backend) while V3 waits at gate 3. */
    private static StrataCli.Result endMigrationSessionAtGate(TestDatabase database, Deployment deployment)
            throws SQLException {
        try (Gate gate = Gate.hold(database.connectionSource(), 3)) {
            StrataCli.Launched migrate = deployment.launch("migrate");
            int backend = gate.awaitWaiter(database.connectionSource(), migrate);
            assertThat(deployment.terminate(backend)).isTrue();
            return StrataCli.Runner.await(migrate);
        }
    }

    /**
     * Runs migrate, ends the session holding its lock while V3 waits at gate 3, then opens the gate: V3 runs to its
     * end, and the lock check before its commit must stop it.
     */
    private static StrataCli.Result endLockSessionAtGate(TestDatabase database, Deployment deployment)
            throws SQLException {
        try (Gate gate = Gate.hold(database.connectionSource(), 3)) {
            StrataCli.Launched migrate = deployment.launch("migrate");
            int migrating = gate.awaitWaiter(database.connectionSource(), migrate);
            int locking = deployment.migrationLockHolder().orElseThrow();
            assertThat(locking).as("the lock is held on a session of its own").isNotEqualTo(migrating);
            assertThat(deployment.terminate(locking)).isTrue();
            Poll.untilTrue("the migration lock released", () -> deployment.migrationLockHolder().isEmpty());
            gate.open();
            return StrataCli.Runner.await(migrate);
        }
    }

    @Test
    void anAdministratorEndingTheSessionMidMigrationExitsWith3AndTheRerunCompletes(TestDatabase database)
            throws Exception {
        Deployment deployment = deploy(database, Gate.statement(3));
        StrataCli.Result result = endMigrationSessionAtGate(database, deployment);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains(
                "lost the connection to the database while applying " + GATED + " (version 3) at",
                GATED + ":2", "SQLSTATE 57P01", "nothing of " + GATED + " was applied",
                "The 2 migration(s) before it in this run were applied and recorded.",
                "then run `strata migrate` again", "exit code 3");
        assertNothingOfV3(deployment);

        assertRerunCompletes(deployment);
    }

    @Test
    void theLockSessionEndingStopsTheRunBeforeTheFileIsCommitted(TestDatabase database) throws Exception {
        Deployment deployment = deploy(database, Gate.statement(3));
        StrataCli.Result result = endLockSessionAtGate(database, deployment);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("lost the migration lock while applying " + GATED + " (version 3)",
                "stopped before committing", "nothing of " + GATED + " was applied", "exit code 3");
        assertNothingOfV3(deployment);

        assertRerunCompletes(deployment);
    }

    @Test
    void theLockSessionEndingFailsTheLockCheckInsideAPipelinedFilesTransaction(TestDatabase database)
            throws Exception {
        Deployment deployment = deploy(database, Gate.pipelinedStatement(3));
        StrataCli.Result result = endLockSessionAtGate(database, deployment);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("lost the migration lock while applying " + GATED + " (version 3)",
                "SQLSTATE SL001", "stopped before committing", "nothing of " + GATED + " was applied", "exit code 3");
        assertNothingOfV3(deployment);

        assertRerunCompletes(deployment);
    }

    @Test
    void endingTheSessionInsideAPipelinedFileReportsThatTheCommitMayOrMayNotHaveHappened(TestDatabase database)
            throws Exception {
        Deployment deployment = deploy(database, Gate.pipelinedStatement(3));
        StrataCli.Result result = endMigrationSessionAtGate(database, deployment);

        // The COMMIT was already on its way with the file: the client cannot know, so it says so.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("lost the connection to the database while committing " + GATED,
                "SQLSTATE 57P01", "either committed the file together with its history row or rolled both back",
                "The 2 migration(s) before it in this run were applied and recorded.", "exit code 3");
        assertNothingOfV3(deployment);

        assertRerunCompletes(deployment);
    }

    @Test
    void aServerRestartMidRunExitsWith3AndTheRerunCompletes(@TempDir Path serverDirectory) throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        writeMigrations(migrations);
        try (RestartableServer server = RestartableServer.start(serverDirectory.resolve("data"))) {
            Map<String, String> environment = Map.of("STRATA_DATABASE__URL", server.createDatabase("restarted"),
                    "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
            ConnectionSource database = server.connections("restarted");
            StrataCli.Result result;
            try (Gate gate = Gate.hold(database, 3)) {
                StrataCli.Launched migrate = StrataCli.Runner.launch(workingDirectory, environment, "migrate");
                gate.awaitWaiter(database, migrate);
                server.stop();
                result = StrataCli.Runner.await(migrate);
            }
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("lost the connection to the database while applying " + GATED,
                    "SQLSTATE 57P01", "nothing of " + GATED + " was applied", "exit code 3");

            StrataCli.Result whileDown = StrataCli.run(workingDirectory, environment, "migrate");
            assertThat(whileDown.exitCode()).as(whileDown.toString()).isEqualTo(3);
            assertThat(whileDown.stderr()).contains("cannot connect to postgresql://postgres:***@localhost:",
                    "check that the server is running");

            server.start();
            assertThat(versions(database)).containsExactly("1", "2");
            assertThat(tables(database)).doesNotContain("c");

            StrataCli.Result rerun = StrataCli.run(workingDirectory, environment, "migrate");
            assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
            assertThat(rerun.stdout()).contains("Applied 2 migrations", "Schema is now at version 4.");
            assertThat(versions(database)).containsExactly("1", "2", "3", "4");
            assertThat(tables(database)).contains("a", "b", "c", "d");
        }
    }

    private static void assertNothingOfV3(Deployment deployment) {
        assertThat(deployment.appliedVersions()).containsExactly("1", "2");
        assertThat(deployment.tableExists("c")).as("V3's table, created before the gate").isFalse();
        Poll.untilTrue("the migrator's sessions gone", () -> deployment.sessionsOfRole() == 0);
        assertThat(deployment.migrationLockHolder()).isEmpty();
    }

    private static void assertRerunCompletes(Deployment deployment) {
        StrataCli.Result rerun = deployment.run("migrate");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.stdout()).contains(GATED, "Applied 2 migrations", "Schema is now at version 4.");
        assertThat(deployment.appliedVersions()).containsExactly("1", "2", "3", "4");
        assertThat(Queries.queryLong(deployment.database(), "select count(*) from c")).isEqualTo(1);
    }

    private static List<String> versions(ConnectionSource database) throws SQLException {
        return strings(database, "select version from strata_schema_history where success order by installed_rank");
    }

    private static List<String> tables(ConnectionSource database) throws SQLException {
        return strings(database, "select tablename from pg_catalog.pg_tables where schemaname = 'public'");
    }

    private static List<String> strings(ConnectionSource database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
