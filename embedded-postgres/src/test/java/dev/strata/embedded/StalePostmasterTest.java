package dev.strata.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Issue 14, item 3: a stale {@code postmaster.pid} never stops a process that is not this directory's server. */
class StalePostmasterTest {
    @TempDir
    Path directory;

    @Test
    void leavesAnUnrelatedProcessAloneAndStarts() throws Exception {
        assumeThat(Path.of("/proc/self")).as("the proof reads /proc (Linux)").exists();
        Path data = directory.resolve("pgdata");
        EmbeddedPostgres.builder().dataDirectory(data).nonDurable().start().close();
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n1700000000\n5432\n"
                    + "/tmp\nlocalhost\n  1234567         0\nready   \n");
            assertThat(StalePostmaster.examine(data, Path.of("/proc")).verdict())
                    .isEqualTo(StalePostmaster.Verdict.UNRELATED);

            try (EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(data).nonDurable().start()) {
                assertThat(EmbeddedPostgresTest.setting(server, "server_version_num")).isNotEmpty();
            }
            assertThat(unrelated.isAlive()).as("the unrelated process named by the stale file").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void stopsThisDirectorysOwnServerLeftRunning() throws Exception {
        assumeThat(Path.of("/proc/self")).as("the proof reads /proc (Linux)").exists();
        Path data = directory.resolve("pgdata");
        EmbeddedPostgres leftRunning = EmbeddedPostgres.builder().dataDirectory(data).nonDurable().start();
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        assertThat(StalePostmaster.examine(data, Path.of("/proc")).verdict())
                .isEqualTo(StalePostmaster.Verdict.OURS);

        try (EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(data).nonDurable().start()) {
            assertThat(runs(pid)).as("the server left running, pid " + pid).isFalse();
            assertThatThrownBy(() -> leftRunning.dataSource("postgres").getConnection().close())
                    .isInstanceOf(SQLException.class);
            assertThat(EmbeddedPostgresTest.setting(server, "server_version_num")).isNotEmpty();
        } finally {
            leftRunning.close();
        }
    }

    /** Alive and not a zombie (an orphaned postmaster's reaper, PID 1 in a container, may be slow to reap it). */
    private static boolean runs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
