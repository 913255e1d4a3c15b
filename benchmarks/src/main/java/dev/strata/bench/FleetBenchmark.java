package dev.strata.bench;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet benchmark (issue #17): N tenant schemas, and D databases, on one embedded server, each migrated with the
 * example system's migrations by {@link Fleet} at several {@code --parallel} values, against a shell loop over the
 * single-target CLI (measured on the first L tenants and scaled). Run by {@code benchmarks/fleet.sh}, never by mvn.
 *
 * <p>Arguments: {@code tenants databases loopTenants parallel...}, e.g. {@code 1000 20 20 1 4 8}.
 */
public final class FleetBenchmark {
    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        int databases = Integer.parseInt(args[1]);
        int loopTenants = Integer.parseInt(args[2]);
        List<Integer> parallels = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            parallels.add(Integer.parseInt(args[i]));
        }
        Path root = Path.of(System.getProperty("strata.project.root", "."));
        Path migrations = root.resolve("examples/data-platform/src/main/resources/db/migration").toAbsolutePath();
        Path work = Files.createTempDirectory("strata-fleet-bench");
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(migrations)));
        System.out.println(MachineFacts.class.getSimpleName() + ": " + Runtime.getRuntime().availableProcessors()
                + " CPUs; migrations: " + migrations);
        try (BenchServer server = BenchServer.embedded(work)) {
            System.out.println("server: " + server.version());
            server.createDatabase("fleet_bench");
            DatabaseSettings base = new DatabaseSettings(Optional.empty(), Optional.of(server.user()),
                    server.password(), 1, Duration.ofSeconds(30), false);
            Fleet fleet = new Fleet(base, settings, FleetBenchmark.class.getClassLoader(), false);
            DatabaseUrl url = DatabaseUrl.parse(server.strataUrl("fleet_bench"), "the benchmark");
            for (int parallel : parallels) {
                List<Target> targets = freshSchemas(server, url, tenants);
                report(tenants + " schemas", parallel, run(fleet, server, "fleet_bench", targets, parallel));
            }
            List<Target> shards = new ArrayList<>();
            for (int d = 1; d <= databases; d++) {
                shards.add(Target.database("shard_" + d, DatabaseUrl.parse(server.strataUrl("shard_" + d), "bench")));
            }
            for (int parallel : databases == 0 ? List.<Integer>of() : parallels) {
                for (int d = 1; d <= databases; d++) {
                    server.dropDatabase("shard_" + d);
                    server.createDatabase("shard_" + d);
                }
                report(databases + " databases", parallel, run(fleet, server, "shard_1", shards, parallel));
            }
            if (loopTenants > 0) {
                freshSchemas(server, url, loopTenants);
                long started = System.nanoTime();
                int failures = shellLoop(root, server, loopTenants);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "shell loop over the CLI, %d schemas: %.1f s (%.2f s per tenant, %d"
                        + " failed); scaled to %d schemas: %.0f s%n", loopTenants, seconds, seconds / loopTenants,
                        failures, tenants, seconds / loopTenants * tenants);
            }
        }
    }

    private record Run(FleetResult result, long peakConnections, long peakHeapMb) {
    }

    private static Run run(Fleet fleet, BenchServer server, String database, List<Target> targets, int parallel)
            throws SQLException {
        AtomicLong peakConnections = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        AtomicInteger finished = new AtomicInteger();
        try (Connection watcher = server.open(database)) {
            FleetListener sampler = new FleetListener() {
                @Override
                public void finished(TargetResult result) {
                    if (finished.incrementAndGet() % 10 == 0) {
                        peakConnections.accumulateAndGet(connections(watcher), Math::max);
                        peakHeap.accumulateAndGet(heapMb(), Math::max);
                    }
                }
            };
            FleetResult result = fleet.run(FleetCommand.MIGRATE, targets, FleetOptions.defaults()
                    .withParallel(parallel), sampler);
            return new Run(result, peakConnections.get(), peakHeap.get());
        }
    }

    private static synchronized long connections(Connection watcher) {
        try (Statement statement = watcher.createStatement();
             ResultSet row = statement.executeQuery("select count(*) - 1 from pg_stat_activity"
                     + " where application_name = 'strata' or pid = pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long heapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static void report(String what, int parallel, Run run) {
        FleetResult result = run.result();
        double seconds = result.elapsed().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "%s, --parallel %d: %.1f s (%.1f targets/s), %d succeeded, %d failed, %d files,"
                        + " peak strata connections seen %d, peak heap seen %d MB%n", what, parallel, seconds,
                result.targets().size() / seconds, result.succeeded(), result.failed(), result.filesApplied(),
                run.peakConnections(), run.peakHeapMb());
    }

    private static List<Target> freshSchemas(BenchServer server, DatabaseUrl url, int count) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (Connection connection = server.open("fleet_bench"); Statement statement = connection.createStatement()) {
            for (int t = 1; t <= count; t++) {
                String schema = String.format(Locale.ROOT, "tenant_%04d", t);
                statement.execute("drop schema if exists " + schema + " cascade");
                statement.execute("create schema " + schema);
                targets.add(Target.schema(schema, url, schema));
            }
        }
        return targets;
    }

    /** What users run today: one CLI process per tenant, the tenant's schema on the URL and as history schema. */
    private static int shellLoop(Path root, BenchServer server, int count) throws IOException, InterruptedException {
        Path jar = root.resolve("migrate-cli/target/strata.jar");
        String script = "fails=0; for i in $(seq -f '%04g' 1 " + count + "); do"
                + " STRATA_MIGRATIONS__SCHEMA=tenant_$i java -jar '" + jar + "' migrate --url \"$BASE_URL"
                + "?currentSchema=tenant_$i\" > /dev/null 2>&1 || fails=$((fails+1)); done; exit $fails";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).inheritIO();
        Map<String, String> environment = builder.environment();
        environment.put("BASE_URL", server.strataUrl("fleet_bench"));
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + root.resolve(
                "examples/data-platform/src/main/resources/db/migration").toAbsolutePath());
        server.password().ifPresent(password -> environment.put("STRATA_DATABASE__PASSWORD", password));
        return builder.start().waitFor();
    }
}
