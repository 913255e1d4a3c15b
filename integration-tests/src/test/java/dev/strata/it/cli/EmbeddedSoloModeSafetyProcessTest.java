package dev.strata.it.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void anotherOsUserGetsARefusalNamingTheOwnerNotAStackTraceNorAServerOfItsOwn() throws Exception {
        assumeThat(ProcessHandle.current().info().user()).as("needs root to run strata as another OS user (nobody)")
                .hasValue("root");
        assumeThat(Path.of("/usr/sbin/runuser")).as("needs runuser").exists();
        Map<String, String> environment = soloMode("create table never (id int);\n");
        Path home = Files.createDirectories(workingDirectory.resolve(".strata"));
        // The owner's project, readable by others as a checkout usually is; its .strata/ is the owner's alone to write.
        for (Path readable : List.of(workingDirectory.getParent(), workingDirectory, workingDirectory.resolve("sql"))) {
            Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                StrataCli.jar().toAbsolutePath().toString(), "status"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_") || name.equals("CI"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isEqualTo(3);
        assertThat(output).contains("error: cannot use the embedded PostgreSQL in " + home.resolve("pgdata")
                        + ": this user may not create " + home.resolve("embedded.lock") + " in " + home
                        + ", which belongs to the OS user root",
                "fix: the embedded server's data belongs to one OS user: run strata as the owner of " + home)
                .doesNotContain("\tat ");
        assertThat(home.resolve("pgdata")).as("no server of its own started there").doesNotExist();
    }
}
