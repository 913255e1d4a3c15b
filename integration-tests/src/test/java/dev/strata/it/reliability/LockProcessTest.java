package dev.strata.it.reliability;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locks between real processes: a second migrator waits for the first, names it and gives up with exit code 5; and
 * a migration that needs a table lock held by a long transaction gives up through lock_timeout instead of making
 * the application's queries queue behind its own lock request.
 */
@ExtendWith(FreshDatabase.class)
class LockProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void aSecondMigratorWaitsNamesTheHolderAndExitsWith5(TestDatabase database) throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory)
                .write("V1__create_a.sql", "create table a (id int);\n")
                .write("V2__gated.sql", "create table b (id int);\n" + Gate.statement(2) + ";\n");
        String firstUrl = deployment.role().url() + "?application_name=release-first";
        StrataCli.Result second;
        StrataCli.Result first;
        try (Gate gate = Gate.hold(database.connectionSource(), 2)) {
            deployment.set("STRATA_DATABASE__URL", firstUrl);
            StrataCli.Launched firstRun = deployment.launch("migrate");
            gate.awaitWaiter(database.connectionSource(), firstRun);
            int holder = deployment.migrationLockHolder().orElseThrow();

            deployment.set("STRATA_DATABASE__URL", deployment.role().url())
                    .set("STRATA_MIGRATIONS__LOCK_TIMEOUT", "2s");
            second = deployment.run("migrate");

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(5);
            String holderText = "pid " + holder + " (application_name 'release-first', user " + deployment.role().name()
                    + ")";
            assertThat(second.stderr()).contains("Waiting for the migration lock held by " + holderText,
                    "could not acquire the migration lock within 2 s: it is held by " + holderText,
                    "wait for the other migration to finish, or raise [migrations] lock_timeout", "exit code 5");
            assertThat(deployment.appliedVersions()).as("the first run is still in V2").containsExactly("1");

            gate.open();
            first = StrataCli.Runner.await(firstRun);
        }
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(deployment.appliedVersions()).containsExactly("1", "2");
        assertThat(deployment.run("migrate").stdout()).contains("Schema is up to date at version 2");
    }

    @Test
    void aLongTransactionMakesTheMigrationFailFastInsteadOfQueueingTraffic(TestDatabase database) throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory)
                .write("V1__create_jobs.sql", "create table jobs (id int primary key);\ninsert into jobs values (1);\n");
        assertThat(deployment.run("migrate").exitCode()).isZero();
        deployment.write("V2__add_status.sql", "-- needs ACCESS EXCLUSIVE on jobs\n"
                        + "alter table jobs add column status text;\n")
                .set("STRATA_MIGRATIONS__STATEMENT_LOCK_TIMEOUT", "2s");

        try (Connection longTransaction = database.open(); Statement reporting = longTransaction.createStatement();
             Connection application = database.open(); Statement query = application.createStatement()) {
            longTransaction.setAutoCommit(false);
            reporting.executeQuery("select count(*) from jobs").close(); // holds ACCESS SHARE until it ends

            StrataCli.Launched migrate = deployment.launch("migrate");
            Poll.until("the migration waiting for its lock on jobs", migrate,
                    () -> waitingForJobs(database) == 1 ? Optional.of(true) : Optional.empty());
            // The application's query now queues behind the migration's lock request (PostgreSQL grants in order).
            CompletableFuture<Long> applicationQuery = CompletableFuture.supplyAsync(() -> count(query));
            Poll.untilTrue("the application's query queued behind the migration", () -> waitingForJobs(database) == 2);

            StrataCli.Result result = StrataCli.Runner.await(migrate);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).contains("V2__add_status.sql:2:1", "SQLSTATE 55P03",
                    "canceling statement due to lock timeout", "another session holds a lock that V2__add_status.sql"
                            + " needs", "the file needs no fix", "nothing of it was applied", "exit code 1");
            // The long transaction is still open, yet the application's query has its answer: it waited for the
            // migration's lock_timeout, not for the long transaction.
            assertThat(applicationQuery.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(waitingForJobs(database)).isZero();
            longTransaction.rollback();
        }
        assertThat(deployment.appliedVersions()).containsExactly("1");
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'jobs' and column_name = 'status'")).isZero();
        StrataCli.Result rerun = deployment.run("migrate");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(deployment.appliedVersions()).containsExactly("1", "2");
    }

    /** Sessions waiting for a lock on the table jobs. */
    private static long waitingForJobs(TestDatabase database) {
        return Queries.queryLong(database, "select count(*) from pg_catalog.pg_locks"
                + " where relation = 'public.jobs'::regclass and not granted");
    }

    private static long count(Statement query) {
        try (ResultSet rows = query.executeQuery("select count(*) from jobs")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
