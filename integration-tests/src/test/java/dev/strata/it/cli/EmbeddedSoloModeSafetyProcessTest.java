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

    /** Asks for the embedded server explicitly (refused otherwise without a terminal) and names one migration file. */
    private Map<String, String> soloMode(String migration) throws java.io.IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), "[database]\nembedded = true\n");
        Path migrations = Files.createDirectories(workingDirectory.resolve("sql"));
        Files.writeString(migrations.resolve("V1__first.sql"), migration);
        return Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
    }

    @Test
    void theSoloModeServerRunsDurable() throws Exception {
        Map<String, String> environment = soloMode("""
                do $$ begin
                  if current_setting('fsync') <> 'on' or current_setting('synchronous_commit') <> 'on'
                     or current_setting('full_page_writes') <> 'on' then
                    raise exception 'the embedded server is not durable';
                  end if;
                end $$;
                """);

        StrataCli.Result result = StrataCli.run(workingDirectory, environment, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Applied 1 migration");
    }

    @Test
    void aStalePidFileNamingAnUnrelatedProcessNeitherKillsNorBlocksOnIt() throws Exception {
        assumeThat(Path.of("/proc/self")).as("the embedded server proves its postmaster through /proc (Linux)").exists();
        Map<String, String> environment = soloMode("create table kept (id int);\n");
        StrataCli.Result first = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path data = workingDirectory.resolve(".strata/pgdata");
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n1700000000\n5432\n"
                    + "/tmp\nlocalhost\n  1234567         0\nready   \n");

            StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(unrelated.isAlive()).as("the unrelated process the stale file named").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aDataDirectoryOfAnotherMajorIsRefusedNamingItWithoutAStackTraceAndLeftAsItIs() throws Exception {
        Map<String, String> environment = soloMode("create table never (id int);\n");
        Path data = Files.createDirectories(workingDirectory.resolve(".strata/pgdata"));
        Files.writeString(data.resolve("PG_VERSION"), "13\n");
        Files.writeString(data.resolve("postgresql.conf"), "# a PostgreSQL 13 cluster\n");

        StrataCli.Result result = StrataCli.run(workingDirectory, environment, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("created by PostgreSQL 13").contains("pg_upgrade")
                .doesNotContain("\tat ").doesNotContainIgnoringCase("delete");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("PG_VERSION", "postgresql.conf");
        }
    }
}
