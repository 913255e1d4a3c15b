package dev.strata.it.reliability;

import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata migrate} killed with SIGKILL at {@value #KILLS} moments while it applies {@value
 * CrashCorpus#MIGRATIONS} migrations. After every kill {@link CrashInvariants} must hold (history and schema
 * agree, nothing of a transactional migration half there, no lock or session left behind), and the next run, a
 * rerun, carries on from where the history says; when all migrations are applied a final rerun exits 0 and the next
 * round starts on a fresh database. The moments are drawn from a seeded random generator (set
 * {@code -Dstrata.kill.seed=…} to replay a run; the seed is logged) and are observed in the database, never slept for.
 */
@Tag("slow")
class KillTest {
    static final int KILLS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(KillTest.class);
    /** 128 + SIGKILL, the exit status of a killed process. */
    private static final int KILLED = 137;

    /** When the kill comes. */
    enum Moment {
        /** Right after the launch: the JVM may not even have started. */
        AT_START,
        /** As soon as the migration lock is held, during planning or the first files. */
        LOCK_HELD,
        /** After 0 to 5 more history rows appear: just after a commit or anywhere in the next file. */
        AFTER_ROWS,
        /** While the migrator waits at a gate inside a transaction, its file's table created but not committed. */
        MID_TRANSACTION
    }

    @TempDir
    Path workingDirectory;

    @Test
    void afterEveryKillHistoryAndSchemaAgreeAndARerunCompletes() throws Exception {
        long seed = Long.getLong("strata.kill.seed", System.nanoTime());
        LOG.info("KillTest seed {} (replay with -Dstrata.kill.seed={})", seed, seed);
        Random random = new Random(seed);
        Map<Moment, Integer> kills = new EnumMap<>(Moment.class);
        int killed = 0;
        int rounds = 0;
        while (killed < KILLS) {
            rounds++;
            try (TestDatabase database = TestDatabase.create()) {
                Deployment deployment = Deployment.create(database, Files.createDirectories(
                        workingDirectory.resolve("round-" + rounds)));
                CrashCorpus.writeTo(deployment);
                int applied = 0;
                while (applied < CrashCorpus.MIGRATIONS && killed < KILLS) {
                    Moment moment = Moment.values()[random.nextInt(Moment.values().length)];
                    int gate = nextTransactional(applied + 1 + random.nextInt(5));
                    if (moment == Moment.MID_TRANSACTION && gate > CrashCorpus.MIGRATIONS) {
                        moment = Moment.AFTER_ROWS; // no gate left ahead
                    }
                    StrataCli.Result result = runAndKill(deployment, moment, applied, gate, random);
                    String afterWhat = "kill " + (killed + 1) + " (" + moment + ", seed " + seed + ")";
                    if (result.exitCode() == KILLED) {
                        killed++;
                        kills.merge(moment, 1, Integer::sum);
                    } else {
                        assertThat(result.exitCode()).as("a run that finished before its kill: %s", result).isZero();
                    }
                    applied = CrashInvariants.check(deployment, afterWhat);
                }
                StrataCli.Result rerun = deployment.run("migrate");
                assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
                assertThat(CrashInvariants.check(deployment, "the final rerun of round " + rounds))
                        .isEqualTo(CrashCorpus.MIGRATIONS);
                assertThat(deployment.run("migrate").stdout())
                        .contains("Schema is up to date at version " + CrashCorpus.MIGRATIONS);
            }
        }
        LOG.info("KillTest: {} kills in {} rounds of {} migrations: {}", killed, rounds, CrashCorpus.MIGRATIONS, kills);
        assertThat(killed).isEqualTo(KILLS);
    }

    /** Launches a run and kills it at the moment; returns its result (exit 137 when the kill hit it). */
    private static StrataCli.Result runAndKill(Deployment deployment, Moment moment, int applied, int gated,
                                               Random random) throws Exception {
        switch (moment) {
            case AT_START -> {
                return deployment.launch("migrate").kill();
            }
            case LOCK_HELD -> {
                StrataCli.Launched run = deployment.launch("migrate");
                Poll.untilTrue("the migration lock held, or the run over",
                        () -> deployment.migrationLockHolder().isPresent() || !run.process().isAlive());
                return run.kill();
            }
            case AFTER_ROWS -> {
                int target = applied + random.nextInt(6);
                StrataCli.Launched run = deployment.launch("migrate");
                Poll.untilTrue("history at " + target + ", or the run over",
                        () -> historyCount(deployment) >= target || !run.process().isAlive());
                return run.kill();
            }
            case MID_TRANSACTION -> {
                try (Gate gate = Gate.hold(deployment.database().connectionSource(), gated)) {
                    StrataCli.Launched run = deployment.launch("migrate");
                    gate.awaitWaiter(deployment.database().connectionSource(), run);
                    StrataCli.Result result = run.kill();
                    // The backend is still waiting at the gate, inside the file's transaction; the server must notice
                    // the dead client and end it without the gate opening (client_connection_check_interval).
                    Poll.untilTrue("the killed migrator's backend ended while waiting",
                            () -> deployment.sessionsOfRole() == 0);
                    assertThat(deployment.tableExists("crash_" + gated)).isFalse();
                    return result;
                }
            }
            default -> throw new IllegalStateException(moment.toString());
        }
    }

    /** The first gated migration at or after {@code version} (V1, which creates the log, has no gate). */
    private static int nextTransactional(int version) {
        int candidate = Math.max(version, 2);
        return CrashCorpus.transactional(candidate) ? candidate : candidate + 1;
    }

    private static long historyCount(Deployment deployment) {
        return deployment.tableExists("strata_schema_history")
                ? Queries.queryLong(deployment.database(), "select count(*) from strata_schema_history") : 0;
    }
}
