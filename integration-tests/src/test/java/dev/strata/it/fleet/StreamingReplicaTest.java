package dev.strata.it.fleet;

import dev.strata.it.Secrets;
import dev.strata.it.cli.StrataCli;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.adopt.HistoryAdoption;
import dev.strata.migrations.adopt.SourceTool;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;
import dev.strata.migrations.lock.HotStandbyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A primary and a hot standby streaming from it, made with the PostgreSQL binaries of Debian's packages
 * ({@code initdb}, {@code pg_basebackup -R}; skipped, with the reason, where they are missing): {@code status} and
 * {@code diff} work against the standby, which they only read, and every command that writes is refused there up
 * front (exit code 2, nothing written), with a message naming the standby and saying to run it on the primary. The
 * primary commits with {@code synchronous_commit = remote_apply}, so what it committed is visible on the standby when
 * the commit returns: no waiting for the replay.
 */
class StreamingReplicaTest {
    private static final String USER = "strata_replica_test";
    private static final DatabaseSettings NO_CREDENTIALS = new DatabaseSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), 1, Duration.ofSeconds(10), false);

    @TempDir
    static Path dir;

    private static Cluster primary;
    private static Cluster standby;
    private static String password;

    @BeforeAll
    static void startPrimaryAndStandby() throws Exception {
        Optional<Path> bin = binaries();
        assumeTrue(bin.isPresent(), "PostgreSQL's binaries with pg_basebackup are not installed"
                + " (apt-get install postgresql); skipped");
        password = Secrets.register("Rep-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        Path passwordFile = Files.writeString(dir.resolve("password"), password + "\n");
        Path primaryData = dir.resolve("primary");
        run(bin.get(), "initdb", "-D", primaryData.toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF-8", "--no-sync");
        primary = Cluster.start(bin.get(), primaryData, "-c synchronous_standby_names='*'"
                + " -c synchronous_commit=remote_apply");
        Path standbyData = dir.resolve("standby");
        run(bin.get(), "pg_basebackup", "-D", standbyData.toString(), "-R", "-X", "stream", "-c", "fast",
                "-h", "127.0.0.1", "-p", Integer.toString(primary.port()), "-U", USER, "--no-sync");
        standby = Cluster.start(bin.get(), standbyData, "");
        try (Connection connection = standby.open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_catalog.pg_is_in_recovery()")) {
            assertThat(row.next() && row.getBoolean(1)).as("the standby is in recovery").isTrue();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Cluster cluster : new Cluster[] {standby, primary}) {
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    @Test
    void statusAndDiffReadTheStandbyAndMigrateThereIsRefusedUpFrontWithTheFix() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"), "create table accounts (id int primary key);\n");
        Files.writeString(migrations.resolve("V2__create_audit.sql"), "create table audit (id int primary key);\n");
        StrataCli.Result migrated = StrataCli.run(project, environment(primary), "migrate");
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
        Files.writeString(migrations.resolve("V3__add_note.sql"), "alter table audit add note text;\n");

        StrataCli.Result status = StrataCli.run(project, environment(standby), "status");
        StrataCli.Result diff = StrataCli.run(project, environment(standby), "diff", "--scratch-url",
                primary.url("postgres"));
        StrataCli.Result migrate = StrataCli.run(project, environment(standby), "migrate");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("3 migrations: 2 applied, 1 pending. Current version: 2.");
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.stdout()).contains("its 2 applied migrations (up to version 2)").contains("No drift");
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
        assertThat(migrate.stderr()).contains("error: refusing to migrate " + standby.shownUrl("postgres")
                        + ": it is a read-only hot standby", "nothing was written",
                "fix: run `strata migrate` against the primary, which the standby follows; `strata status` and"
                        + " `strata diff` work on the standby")
                .doesNotContain("SQLSTATE 25006", "migration failed");
        assertThat(historyRows(primary, "postgres")).as("the history after the refused run").isEqualTo(2);

        Files.writeString(project.resolve("strata.toml"), """
                [[targets]]
                name = "primary"
                url = "%s"

                [[targets]]
                name = "standby"
                url = "%s"
                """.formatted(primary.url("postgres"), standby.url("postgres")));
        StrataCli.Result fleetStatus = StrataCli.run(project, environment(standby), "status", "--targets", "all");
        StrataCli.Result fleetMigrate = StrataCli.run(project, environment(standby), "migrate", "--targets", "all");

        assertThat(fleetStatus.exitCode()).as(fleetStatus.toString()).isZero();
        assertThat(fleetStatus.stdout()).containsPattern("standby\\s+2\\s+1\\s+[0-9.]+ s\\s+ok")
                .contains("Fleet status: 2 at 2.");
        // The primary is migrated; the standby among the targets fails as refused, so the run exits 2, not 1.
        assertThat(fleetMigrate.exitCode()).as(fleetMigrate.toString()).isEqualTo(2);
        assertThat(fleetMigrate.stdout()).containsPattern("primary\\s+2\\s+3\\s+1\\s+[0-9.]+ s\\s+ok")
                .containsPattern("standby\\s.*failed: refusing to migrate standby \\(")
                .doesNotContain("SQLSTATE 25006");
        assertThat(fleetMigrate.stderr()).contains("1 of 2 targets failed", "standby: refusing to migrate standby ("
                + standby.shownUrl("postgres") + "): it is a read-only hot standby",
                "fix: run `strata migrate` against the primary");
        assertThat(historyRows(primary, "postgres")).as("V3 applied on the primary only").isEqualTo(3);
    }

    @Test
    void everyCommandThatWritesIsRefusedOnTheStandbyAlsoWithoutAHistoryTableAndWithNothingPending() throws Exception {
        try (Connection connection = primary.open(); Statement statement = connection.createStatement()) {
            statement.execute("create database fresh");
        }
        Path project = Files.createDirectories(dir.resolve("fresh-project"));
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"),
                "create table accounts (id int primary key);\n");
        Map<String, String> onStandby = environment(standby);
        onStandby.put("STRATA_DATABASE__URL", standby.url("fresh"));

        StrataCli.Result migrate = StrataCli.run(project, onStandby, "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
        assertThat(migrate.stderr()).contains("error: refusing to migrate " + standby.shownUrl("fresh")
                        + ": it is a read-only hot standby", "fix: run `strata migrate` against the primary")
                .doesNotContain("history table", "SQLSTATE");

        // The engine's other writers, each refused before it plans, locks or creates anything.
        ConnectionSource fresh = standby.connections("fresh");
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(migrations)));
        Migrator migrator = new Migrator(fresh, settings);
        Map<String, Runnable> writers = new LinkedHashMap<>();
        writers.put("migrate", migrator::migrate);
        writers.put("baseline", () -> migrator.baseline(Version.parse("1"), "baseline"));
        writers.put("repair", migrator::repair);
        writers.put("undo", () -> migrator.undo(Optional.empty()));
        HistoryAdoption adoption = new HistoryAdoption(fresh, settings, StreamingReplicaTest.class.getClassLoader(),
                SourceTool.named("flyway").orElseThrow(), new SchemaTable("public", "flyway_schema_history"));
        writers.put("adopt", () -> adoption.adopt(false));
        writers.forEach((command, writer) -> assertThatThrownBy(writer::run).as(command)
                .isInstanceOfSatisfying(HotStandbyException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ErrorKind.REFUSED);
                    assertThat(refused.getMessage()).startsWith("refusing to " + command + " the standby's fresh");
                    assertThat(refused.hint()).startsWith("run `strata " + command + "` against the primary");
                }));
        try (Connection connection = primary.open("fresh"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select to_regclass('public.strata_schema_history') is null")) {
            assertThat(row.next() && row.getBoolean(1)).as("no history table created").isTrue();
        }

        // The library call for a new tenant: creating its schema is a write, refused the same way.
        TargetResult tenant = new Fleet(NO_CREDENTIALS, settings, StreamingReplicaTest.class.getClassLoader(), false)
                .migrateOne(Target.schema("tenant_new", DatabaseUrl.parse(standby.url("fresh"), "the test"),
                        "tenant_new"), true);
        assertThat(tenant.outcome()).isInstanceOfSatisfying(TargetOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(TargetOutcome.FailureKind.REFUSED);
            assertThat(failed.message()).startsWith("refusing to migrate tenant_new (" + standby.shownUrl("fresh")
                    + " schema tenant_new): it is a read-only hot standby");
        });

        // Up to date on the primary, so nothing is pending on the standby either: still the wrong server to migrate.
        new Migrator(primary.connections("fresh"), settings).migrate();
        assertThat(migrator.plan().pending()).isEmpty();
        assertThatThrownBy(migrator::migrate).isInstanceOf(HotStandbyException.class);
    }

    private static long historyRows(Cluster cluster, String database) throws SQLException {
        try (Connection connection = cluster.open(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from strata_schema_history")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, String> environment(Cluster cluster) {
        Map<String, String> environment = new HashMap<>();
        environment.put("STRATA_DATABASE__URL", cluster.url("postgres"));
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:migrations");
        return environment;
    }

    /** The newest installed major that has every program the test runs. */
    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(root)) {
            return majors.map(major -> major.resolve("bin"))
                    .filter(bin -> Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres")
                            .allMatch(program -> Files.isExecutable(bin.resolve(program))))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
        }
    }

    /**
     * Runs a PostgreSQL program and fails with its output when it fails. PostgreSQL refuses to run as root: there
     * it runs in a user namespace of its own, as the embedded server does.
     */
    private static void run(Path bin, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path log = dir.resolve(program + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", program).isTrue(); // only stops a hang
        assertThat(process.exitValue()).as("%s failed:\n%s", program, Files.readString(log)).isZero();
    }

    /** One PostgreSQL server of the test, on loopback and a socket directory of its own. */
    private record Cluster(Path bin, Path data, int port) {
        static Cluster start(Path bin, Path data, String options) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            StreamingReplicaTest.run(bin, "pg_ctl", "-D", data.toString(), "-l", data.resolveSibling(
                    data.getFileName() + ".log").toString(), "-w", "-t", "120", "-o", "-p " + port
                    + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " " + options, "start");
            return new Cluster(bin, data, port);
        }

        String url(String database) {
            return "postgresql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + database;
        }

        /** The URL as Strata's messages show it: the password masked. */
        String shownUrl(String database) {
            return "postgresql://" + USER + ":***@127.0.0.1:" + port + "/" + database;
        }

        Connection open() throws SQLException {
            return open("postgres");
        }

        Connection open(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, password);
        }

        ConnectionSource connections(String database) {
            String name = data.getFileName() + "'s " + database;
            return new ConnectionSource() {
                @Override
                public Connection open() throws SQLException {
                    return Cluster.this.open(database);
                }

                @Override
                public String description() {
                    return "the " + name;
                }
            };
        }

        void stop() throws IOException, InterruptedException {
            StreamingReplicaTest.run(bin, "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
    }
}
