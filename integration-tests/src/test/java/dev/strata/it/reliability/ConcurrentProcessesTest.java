package dev.strata.it.reliability;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import dev.strata.migrations.lock.AdvisoryLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen {@code strata migrate} processes started together, as sixteen instances of a service deploying at once:
 * on a fresh database every file is applied exactly once and every process exits 0; on an up-to-date database every
 * process exits 0 and changes nothing. The test holds the migration lock until all sixteen are connected and
 * contending for it, so they really do race (observed in pg_stat_activity, not waited for by time).
 */
@Tag("slow")
@ExtendWith(FreshDatabase.class)
class ConcurrentProcessesTest {
    static final int PROCESSES = 16;
    static final int MIGRATIONS = 60;
    private static final Pattern APPLIED = Pattern.compile("Applied (\\d+) migrations?");

    @TempDir
    Path workingDirectory;

    @Test
    void sixteenProcessesApplyEveryFileExactlyOnceThenFindNothingToDo(TestDatabase database) throws Exception {
        Deployment deployment = Deployment.create(database, workingDirectory)
                // Only a bound against a hang: the sixteen JVMs start on a shared CI machine.
                .set("STRATA_MIGRATIONS__LOCK_TIMEOUT", "5m")
                .write("V1__create_log.sql", "create table load_log (version int primary key);\n"
                        + "insert into load_log values (1);\n");
        for (int v = 2; v <= MIGRATIONS; v++) {
            deployment.write("V" + v + "__step_" + v + ".sql", "create table load_" + v + " (id int primary key);\n"
                    + "insert into load_" + v + " values (" + v + ");\ninsert into load_log values (" + v + ");\n");
        }

        List<StrataCli.Result> fresh = racingRuns(deployment);

        assertThat(fresh).allSatisfy(result -> assertThat(result.exitCode()).as(result.toString()).isZero());
        assertThat(fresh.stream().mapToInt(ConcurrentProcessesTest::appliedCount).sum())
                .as("files applied, summed over the processes").isEqualTo(MIGRATIONS);
        assertThat(Queries.queryLong(database, "select count(*) from strata_schema_history")).isEqualTo(MIGRATIONS);
        assertThat(Queries.queryLong(database, "select count(distinct version) from strata_schema_history"
                + " where success")).isEqualTo(MIGRATIONS);
        assertThat(Queries.queryLong(database, "select count(*) from load_log")).isEqualTo(MIGRATIONS);
        assertNoLockOrSessionLeft(deployment);

        List<Queries.HistoryRow> history = Queries.history(database);
        List<StrataCli.Result> upToDate = racingRuns(deployment);

        assertThat(upToDate).allSatisfy(result -> {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Schema is up to date at version " + MIGRATIONS);
        });
        assertThat(Queries.history(database)).isEqualTo(history);
        assertNoLockOrSessionLeft(deployment);
    }

    /**
     * Starts the processes while the test holds the migration lock, releases it once every process has opened its
     * two sessions (the lock's and the migration's, opened before it asks for the lock), and waits for them all.
     */
    private static List<StrataCli.Result> racingRuns(Deployment deployment) throws Exception {
        List<StrataCli.Launched> processes = new ArrayList<>();
        long key = AdvisoryLock.keyFor(deployment.database().name(), Queries.DEFAULT_HISTORY);
        try (Connection holder = deployment.database().open();
             PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(deployment.launch("migrate"));
            }
            // Or until one of them ends, which is a failure the assertions on the results will show.
            Poll.untilTrue(PROCESSES + " processes contending for the lock",
                    () -> deployment.sessionsOfRole() == 2L * PROCESSES
                            || processes.stream().anyMatch(process -> !process.process().isAlive()));
        } // closing the session releases the lock: the sixteen race for it
        List<StrataCli.Result> results = new ArrayList<>();
        for (StrataCli.Launched process : processes) {
            results.add(StrataCli.Runner.await(process)); // bounded: a deadlock fails here
        }
        return results;
    }

    private static int appliedCount(StrataCli.Result result) {
        Matcher applied = APPLIED.matcher(result.stdout());
        return applied.find() ? Integer.parseInt(applied.group(1)) : 0;
    }

    private static void assertNoLockOrSessionLeft(Deployment deployment) {
        Poll.untilTrue("every migrator session closed", () -> deployment.sessionsOfRole() == 0);
        assertThat(deployment.migrationLockHolder()).isEmpty();
        assertThat(Queries.queryLong(deployment.database(), "select count(*) from pg_catalog.pg_locks where not granted"))
                .isZero();
    }
}
