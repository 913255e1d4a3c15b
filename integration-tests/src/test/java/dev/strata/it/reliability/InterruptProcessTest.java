package dev.strata.it.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGINT and SIGTERM while a file runs: the real jar stops the statement, records or rolls back the file, reports it
 * (text on stderr, one JSON document with --output json) and exits with 130 or 143.
 */
@ExtendWith(FreshDatabase.class)
class InterruptProcessTest {
    /** An advisory lock key the test holds, so the migration waits on it at a known statement. */
    private static final int GATE_KEY = 731_604;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @Test
    void sigintDuringANonTransactionalFileRecordsTheStatementReachedAndExits130(TestDatabase database)
            throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory).write("V1__waits.sql", """
                -- strata:transaction=false
                create table before_wait (id int);
                select pg_advisory_lock(%d);
                create table after_wait (id int);
                """.formatted(GATE_KEY));

        StrataCli.Result result = interruptWhileWaiting(deployment, "INT", "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.stderr()).contains("SIGINT stopped the run during " + deployment.migrations()
                        .resolve("V1__waits.sql") + ": statement 2 of 3 (line 3) was cancelled when SIGINT stopped the run")
                .contains("statement 1 stay").contains("strata repair").contains("exit code 130");
        assertThat(deployment.tableExists("before_wait")).isTrue();
        assertThat(deployment.tableExists("after_wait")).isFalse();
        assertThat(Queries.history(database)).singleElement()
                .satisfies(row -> assertThat(row.success()).isFalse());
        assertThat(Queries.queryLong(database, "select count(*) from strata_schema_history where failure like"
                + " 'statement 2 of 3 (line 3) was cancelled when SIGINT stopped the run%'")).isEqualTo(1);
    }

    @Test
    void sigtermDuringATransactionalFileRollsItBackPrintsOneJsonDocumentAndExits143(TestDatabase database)
            throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory)
                .write("V1__first.sql", "create table first_table (id int);\n")
                .write("V2__waits.sql", """
                        create table inside (id int);
                        select pg_advisory_xact_lock(%d);
                        """.formatted(GATE_KEY));

        StrataCli.Result result = interruptWhileWaiting(deployment, "TERM", "migrate", "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(143);
        JsonNode document = JSON.readTree(result.stdout());
        assertThat(document.path("ok").asBoolean(true)).as(result.toString()).isFalse();
        assertThat(document.path("error").path("type").asText()).isEqualTo("migration_interrupted");
        assertThat(document.path("error").path("exitCode").asInt()).isEqualTo(143);
        assertThat(document.toString()).contains("SIGTERM stopped the run during").contains("rolled back");
        assertThat(result.stderr()).contains("its transaction was rolled back").contains("exit code 143");
        assertThat(deployment.appliedVersions()).containsExactly("1");
        assertThat(deployment.tableExists("inside")).isFalse();
    }

    @Test
    void sigintDuringAFleetRunLetsTheRunningTargetRollBackStartsNoOtherListsEachAndExits130(TestDatabase database)
            throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory)
                .write("V1__create_accounts.sql", "create table accounts (id int);\n")
                .write("V2__waits.sql", """
                        create table inside (id int);
                        select pg_advisory_xact_lock(%d) where current_schema() = 'tenant_b';
                        """.formatted(GATE_KEY))
                .set("STRATA_FLEET__SCHEMAS", "tenant_*");
        for (String tenant : new String[] {"tenant_a", "tenant_b", "tenant_c"}) {
            Queries.execute(database, "create schema " + tenant + " authorization " + deployment.role().name());
        }

        StrataCli.Result result = interruptWhileWaiting(deployment, "INT", "migrate", "--targets", "all",
                "--parallel", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.stdout()).containsPattern("tenant_a\\s+none\\s+2\\s+2\\s+[0-9.]+ s\\s+ok")
                .containsPattern("tenant_b\\s+none\\s+1\\s+1\\s+[0-9.]+ s\\s+interrupted: SIGINT stopped the run during")
                .containsPattern("tenant_c\\s+-\\s+-\\s+0\\s+-\\s+not started: SIGINT stopped the run")
                .contains("1 succeeded, 0 failed, 1 interrupted by SIGINT, 1 not started");
        assertThat(result.stderr()).contains("SIGINT stopped the fleet run: 1 finished (tenant_a); 1 interrupted"
                + " (tenant_b); 1 not started (tenant_c)").contains("its transaction was rolled back")
                .contains("exit code 130");
        assertThat(Queries.relationExists(database, "tenant_a.inside")).isTrue();
        assertThat(Queries.relationExists(database, "tenant_b.inside")).isFalse();
        assertThat(Queries.queryLong(database, "select count(*) from tenant_b.strata_schema_history")).isEqualTo(1);
        assertThat(Queries.relationExists(database, "tenant_c.strata_schema_history")).isFalse();

        StrataCli.Result again = deployment.run("migrate", "--targets", "all");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("Fleet status: 3 at 2.");
    }

    /** Starts the command, waits until it queues for the test's advisory lock, sends the signal, and collects it. */
    private static StrataCli.Result interruptWhileWaiting(Deployment deployment, String signal, String... args)
            throws Exception {
        try (Connection gate = deployment.database().open(); Statement statement = gate.createStatement()) {
            statement.execute("select pg_advisory_lock(" + GATE_KEY + ")");
            StrataCli.Launched run = deployment.launch(args);
            Poll.until("the migration waiting at its second statement", run, () -> Queries.queryLong(
                    deployment.database(), "select count(*) from pg_catalog.pg_locks where locktype = 'advisory'"
                            + " and objid = " + GATE_KEY + " and not granted") == 1
                    ? java.util.Optional.of(Boolean.TRUE) : java.util.Optional.empty());
            send(run.process(), signal);
            return StrataCli.Runner.await(run);
        }
    }

    private static void send(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
