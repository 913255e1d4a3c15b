package dev.strata.it.cli;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.testserver.TestServerLauncher;
import dev.strata.it.Secrets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution archive as a user gets it: strata-VERSION-PLATFORM.tar.gz unpacked into a temporary directory, its bin/ on
 * a PATH of its own, run by a shell outside the source tree with nothing of Maven's or the build's environment
 * (only JAVA_HOME, HOME and XDG_CACHE_HOME, all but the first inside the temporary directory). On the embedded
 * default and on a server URL (an embedded server this test starts); the launcher's class-data-sharing archive,
 * its refusals, exit codes and signals.
 */
class DistributionArchiveProcessTest {
    /** A bound on a hung process, not a timing assertion. */
    private static final long PROCESS_LIMIT_SECONDS = 180;
    private static final String VERSION = System.getProperty("strata.version", "0.1.0-SNAPSHOT");
    /** The platform of the embedded PostgreSQL binaries the build chose (postgres.platform of the parent pom). */
    private static final String PLATFORM = System.getProperty("postgres.platform", "linux-amd64");
    /** An advisory lock key the test holds, so that a migration waits on it. */
    private static final int GATE_KEY = 160_016;

    @TempDir
    static Path root;
    private static Path installed;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void unpackTheArchiveAndStartAServer() throws Exception {
        Path archive = distribution("tar.gz");
        Path into = Files.createDirectories(root.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        installed = into.resolve("strata-" + VERSION);
        server = TestServerLauncher.startEmbedded();
        Secrets.register(server.password());
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theArchivesHoldTheLauncherTheJarTheLicenseAndAReadme() throws IOException {
        try (Stream<Path> files = Files.walk(installed)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> installed.relativize(file).toString()))
                    .containsExactlyInAnyOrder("bin/strata", "lib/strata.jar", "LICENSE", "README.md");
        }
        assertThat(Files.isExecutable(installed.resolve("bin/strata"))).isTrue();
        assertThat(Files.readString(installed.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(Files.readString(installed.resolve("README.md")))
                .contains("strata " + VERSION, "for **" + PLATFORM + "**")
                .doesNotContain("${");

        try (ZipFile zip = ZipFile.builder().setPath(distribution("zip")).get()) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            String base = "strata-" + VERSION + "/";
            assertThat(names).containsExactlyInAnyOrder(base + "bin/strata", base + "lib/strata.jar",
                    base + "LICENSE", base + "README.md");
            assertThat(zip.getEntry(base + "bin/strata").getUnixMode() & 0777).as("bin/strata's mode in the zip")
                    .isEqualTo(0755);
        }
    }

    @Test
    void versionThroughALinkOnPath() throws IOException {
        // Installed as users do: a link in a directory on PATH; the launcher finds lib/ through the link.
        Path links = Files.createDirectories(root.resolve("links"));
        Files.deleteIfExists(links.resolve("strata"));
        Files.createSymbolicLink(links.resolve("strata"), installed.resolve("bin/strata"));
        Path home = Files.createDirectories(root.resolve("version-home"));

        Result result = run(home, environment(home, links), "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("strata " + VERSION, "embedded PostgreSQL",
                "(" + PLATFORM + ")", "Java " + Runtime.version());
        assertThat(result.stderr()).as("the launcher's own variables are not warned about").doesNotContain("warning");
    }

    @Test
    void migrateOnTheEmbeddedDefaultThenTheClassArchiveIsWrittenAndUsed() throws IOException {
        Path home = Files.createDirectories(root.resolve("embedded-home"));
        Path project = project(home.resolve("project"), "[database]\nembedded = true\n");
        Map<String, String> environment = environment(home, installed.resolve("bin"));

        Result migrate = run(project, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stderr()).contains("Using embedded PostgreSQL");
        assertThat(migrate.stdout()).contains("V1__create_accounts.sql", "Applied 2 migrations");
        assertThat(Files.isDirectory(project.resolve(".strata/pgdata"))).isTrue();

        // The first database command wrote the archive at exit; the next moves it into place, the one after maps it.
        Result status = run(project, environment, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("2 migrations: 2 applied. Current version: 2.");
        Path cds = home.resolve("cache/strata/cds");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cds))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cds.getParent())))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(cds)) {
            assertThat(files.map(file -> file.getFileName().toString())).singleElement().asString()
                    .startsWith("strata-").endsWith(".jsa");
        }

        Path classLog = home.resolve("classes.log");
        Map<String, String> logged = new HashMap<>(environment);
        logged.put("STRATA_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        Result validate = run(project, logged, "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(Files.readString(classLog)).as("strata's own classes come from the archive")
                .containsPattern("dev\\.strata\\.cli\\.StrataMain source: shared objects file \\(top\\)");
    }

    @Test
    void migrateOnAServerUrlAndAFailingFileExits1() throws Exception {
        Path home = Files.createDirectories(root.resolve("url-home"));
        Path project = project(home.resolve("project"), "");
        Map<String, String> environment = environment(home, installed.resolve("bin"));
        environment.putAll(database("archive_url"));

        Result migrate = run(project, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("Applied 2 migrations");
        assertThat(migrate.stderr()).doesNotContain("embedded");

        Files.writeString(project.resolve("db/migration/V3__broken.sql"), "alter table no_such_table add x int;\n");
        Result failed = run(project, environment, "migrate");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stderr()).contains("V3__broken.sql", "no_such_table");
    }

    @Test
    void theArchiveOfAFailedFirstCommandIsDiscardedAndASuccessfulOnesKept() throws Exception {
        Path home = Files.createDirectories(root.resolve("failed-first-home"));
        Path project = project(home.resolve("project"), "");
        Files.writeString(project.resolve("db/migration/V3__broken.sql"), "alter table no_such_table add x int;\n");
        Map<String, String> environment = environment(home, installed.resolve("bin"));
        environment.putAll(database("archive_failed_first"));
        Path cds = home.resolve("cache/strata/cds");

        Result failed = run(project, environment, "migrate");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        // status discards the failed run's archive, then writes its own (status lists the problem and exits 0).
        Result status = run(project, environment, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(names(cds)).noneMatch(name -> name.endsWith(".jsa"))
                .anyMatch(name -> name.endsWith(".tmp")).anyMatch(name -> name.endsWith(".ok"));

        Result version = run(project, environment, "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(names(cds)).singleElement().asString().endsWith(".jsa");
    }

    @Test
    void aSigtermToTheLauncherStopsTheRunAsStrataDocuments() throws Exception {
        Path home = Files.createDirectories(root.resolve("signal-home"));
        Path project = project(home.resolve("project"), "");
        Files.writeString(project.resolve("db/migration/V3__waits.sql"),
                "select pg_advisory_xact_lock(" + GATE_KEY + ");\n");
        Map<String, String> environment = environment(home, installed.resolve("bin"));
        environment.putAll(database("archive_signal"));

        // exec: the launcher's process becomes the JVM, so the signal reaches strata itself (143, file rolled back).
        try (Connection gate = server.dataSource("archive_signal").getConnection();
             Statement statement = gate.createStatement()) {
            statement.execute("select pg_advisory_lock(" + GATE_KEY + ")");
            Launched run = launch(project, environment, "migrate");
            awaitWaitingOnTheGate(gate, run);
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(run.process().pid())).start();
            assertThat(kill.waitFor()).isZero();
            Result interrupted = run.await();
            assertThat(interrupted.exitCode()).as(interrupted.toString()).isEqualTo(143);
            assertThat(interrupted.stderr()).contains("SIGTERM stopped the run during", "V3__waits.sql");
        }
    }

    @Test
    void aCacheDirectoryOthersMayWriteIsNotUsedForTheArchive() throws Exception {
        Path home = Files.createDirectories(root.resolve("shared-cache-home"));
        Path shared = Files.createDirectories(home.resolve("cache/strata"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path project = project(home.resolve("project"), "");
        Map<String, String> environment = environment(home, installed.resolve("bin"));
        environment.putAll(database("archive_shared_cache"));

        Result first = run(project, environment, "migrate");
        Result second = run(project, environment, "status");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        try (Stream<Path> files = Files.walk(shared)) {
            assertThat(files.filter(Files::isRegularFile)).as("no archive in a directory others may write").isEmpty();
        }
    }

    @Test
    void noUsableJavaIsAClearError() throws IOException {
        Path home = Files.createDirectories(root.resolve("java-home"));
        Path oldJava = Files.createDirectories(home.resolve("jdk-11/bin"));
        Files.writeString(oldJava.resolve("../release"), "JAVA_VERSION=\"11.0.22\"\n");
        Files.writeString(oldJava.resolve("java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(oldJava.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> environment = environment(home, installed.resolve("bin"));

        environment.put("JAVA_HOME", oldJava.getParent().toString());
        Result old = run(home, environment, "--version");
        assertThat(old.exitCode()).as(old.toString()).isEqualTo(2);
        assertThat(old.stderr()).contains("strata needs Java 17 or newer", "is Java 11", "JAVA_HOME");

        environment.put("JAVA_HOME", home.resolve("nowhere").toString());
        Result missing = run(home, environment, "--version");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nowhere/bin/java (from JAVA_HOME) is not an executable java");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static Path distribution(String extension) {
        // Named for the one platform whose embedded PostgreSQL it carries, as README.md and --version say (above).
        String name = "strata-" + VERSION + "-" + PLATFORM;
        Path archive = Path.of(System.getProperty("strata.distribution",
                "../strata-distribution/target/" + name + ".tar.gz"));
        assertThat(archive.getFileName().toString()).isEqualTo(name + ".tar.gz");
        Path file = archive.resolveSibling(name + "." + extension);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build it with `mvn -pl strata-distribution -am package`");
        }
        return file;
    }

    /** A project of the user's: two migrations of its own in db/migration, and the strata.toml given. */
    private static Path project(Path directory, String databaseSection) throws IOException {
        Path migrations = Files.createDirectories(directory.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"),
                "create table accounts (id bigint generated always as identity primary key, name text not null);\n");
        Files.writeString(migrations.resolve("V2__add_account_email.sql"),
                "alter table accounts add column email text;\ncreate unique index on accounts (lower(email));\n");
        Files.writeString(directory.resolve("strata.toml"),
                databaseSection + "[migrations]\nlocations = [\"filesystem:db/migration\"]\n");
        return directory;
    }

    /** A fresh database on the test's server, named by the environment strata reads (the password never on argv). */
    private static Map<String, String> database(String name) throws Exception {
        try (Connection connection = server.dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        }
        return Map.of("STRATA_DATABASE__URL", "postgresql://" + server.user() + "@" + server.host() + ":"
                + server.port() + "/" + name, "STRATA_DATABASE__PASSWORD", server.password());
    }

    /** Nothing of this JVM's environment: the JDK running the tests, a home and cache of the test's own, a PATH. */
    private static Map<String, String> environment(Path home, Path onPath) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", onPath + ":/usr/bin:/bin");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        return environment;
    }

    private static void awaitWaitingOnTheGate(Connection gate, Launched run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_LIMIT_SECONDS);
        while (true) {
            try (Statement statement = gate.createStatement(); ResultSet waiting = statement.executeQuery(
                    "select count(*) from pg_catalog.pg_locks where locktype = 'advisory' and objid = " + GATE_KEY
                            + " and not granted")) {
                waiting.next();
                if (waiting.getLong(1) == 1) {
                    return;
                }
            }
            if (!run.process().isAlive()) {
                throw new AssertionError("strata ended before it waited on the gate:\n" + run.await());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("strata did not reach the gate within " + PROCESS_LIMIT_SECONDS + " s");
            }
            TimeUnit.MILLISECONDS.sleep(10); // polling interval, not synchronisation: the loop checks the state
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private record Launched(Process process, Path outputs, String command) {
        Result await() throws IOException {
            try {
                if (!process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + PROCESS_LIMIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String stdout = Files.readString(outputs.resolve("stdout"));
            String stderr = Files.readString(outputs.resolve("stderr"));
            Secrets.recordOutput("stdout of " + command, stdout);
            Secrets.recordOutput("stderr of " + command, stderr);
            return new Result(process.exitValue(), stdout, stderr);
        }
    }

    private static Result run(Path directory, Map<String, String> environment, String... args) throws IOException {
        return launch(directory, environment, args).await();
    }

    /** {@code strata ARGS} as a shell runs it: found on the environment's PATH, not by this JVM. */
    private static Launched launch(Path directory, Map<String, String> environment, String... args)
            throws IOException {
        Path outputs = Files.createTempDirectory(root, "run");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec strata \"$@\"", "strata"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectOutput(outputs.resolve("stdout").toFile());
        builder.redirectError(outputs.resolve("stderr").toFile());
        return new Launched(builder.start(), outputs, "strata " + String.join(" ", args));
    }
}
