package dev.strata.it.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 14, items 3, 15 and 16 through the real CLI in solo mode (the embedded server in {@code .strata/pgdata}):
 * the server that keeps the user's data is durable, a stale {@code postmaster.pid} naming an unrelated process
 * neither kills nor blocks on it, and a data directory of another PostgreSQL major is refused up front.
 */
class EmbeddedSoloModeSafetyProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void theSoloModeServerRunsDurable() throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("sql"));
        Files.writeString(migrations.resolve("V1__durable.sql"), """
                do $$ begin
                  if current_setting('fsync') <> 'on' or current_setting('synchronous_commit') <> 'on'
                     or current_setting('full_page_writes') <> 'on' then
                    raise exception 'the embedded server is not durable';
                  end if;
                end $$;
                """);

        StrataCli.Result result = StrataCli.run(workingDirectory,
                Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations), "migrate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Applied 1 migration");
    }

    @Test
    void aStalePidFileNamingAnUnrelatedProcessNeitherKillsNorBlocksOnIt() throws Exception {
        assumeThat(Path.of("/proc/self")).as("the embedded server proves its postmaster through /proc (Linux)").exists();
        StrataCli.Result first = StrataCli.run(workingDirectory, Map.of(), "migrate");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path data = workingDirectory.resolve(".strata/pgdata");
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n1700000000\n5432\n"
                    + "/tmp\nlocalhost\n  1234567         0\nready   \n");

            StrataCli.Result status = StrataCli.run(workingDirectory, Map.of(), "status");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(unrelated.isAlive()).as("the unrelated process the stale file named").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aDataDirectoryOfAnotherMajorIsRefusedNamingItWithoutAStackTraceAndLeftAsItIs() throws Exception {
        Path data = Files.createDirectories(workingDirectory.resolve(".strata/pgdata"));
        Files.writeString(data.resolve("PG_VERSION"), "13\n");
        Files.writeString(data.resolve("postgresql.conf"), "# a PostgreSQL 13 cluster\n");

        StrataCli.Result result = StrataCli.run(workingDirectory, Map.of(), "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("created by PostgreSQL 13").contains("pg_upgrade")
                .doesNotContain("\tat ").doesNotContainIgnoringCase("delete");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("PG_VERSION", "postgresql.conf");
        }
    }
}
