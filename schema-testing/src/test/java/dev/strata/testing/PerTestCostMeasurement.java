package dev.strata.testing;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.testserver.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures what a fresh database costs a test: a copy of the template (CREATE DATABASE … TEMPLATE, pool, first
 * connection, drop) against running the migrations into an empty database each time. Prints medians; asserts
 * nothing about time. Run it with
 * {@code mvn -B -q -pl schema-testing -am verify -Dtest=PerTestCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dstrata.measure=true}
 * (with {@code STRATA_TEST_DATABASE_URL} set it measures that server).
 */
@EnabledIfSystemProperty(named = "strata.measure", matches = "true")
class PerTestCostMeasurement {
    private static final int WARM_UP = 5;
    private static final int ROUNDS = Integer.getInteger("strata.measure.rounds", 30);

    @Test
    void measure() throws SQLException {
        ServerSpec spec = ServerSpec.choose(ServerKind.AUTO, TestEnvironment.current());
        try (SharedServers.Lease lease = SharedServers.acquire(spec)) {
            ServerTemplates templates = lease.templates();
            PostgresServer server = templates.server();
            MigrationSettings settings = MigrationSettings.defaults();
            long started = System.nanoTime();
            TemplateDatabase template = templates.template(settings, getClass().getClassLoader());
            double templateMs = millis(started);

            Samples copy = new Samples("copy of the template: create + pool + first query + drop");
            Samples create = new Samples("  of which CREATE DATABASE … TEMPLATE");
            Samples connect = new Samples("  of which pool + first query");
            Samples drop = new Samples("  of which close + DROP DATABASE");
            Samples migrate = new Samples("migrations into an empty database: create + migrate + first query + drop");
            Samples walLog = new Samples("raw CREATE DATABASE STRATEGY WAL_LOG");
            Samples fileCopy = new Samples("raw CREATE DATABASE STRATEGY FILE_COPY");
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                boolean counted = round >= WARM_UP;
                long t0 = System.nanoTime();
                IsolatedDatabase database = IsolatedDatabase.create(templates, template);
                long t1 = System.nanoTime();
                try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("select count(*) from jobs");
                }
                long t2 = System.nanoTime();
                database.close();
                long t3 = System.nanoTime();
                if (counted) {
                    copy.add(t3 - t0);
                    create.add(t1 - t0);
                    connect.add(t2 - t1);
                    drop.add(t3 - t2);
                }

                for (String strategy : List.of("wal_log", "file_copy")) {
                    long s0 = System.nanoTime();
                    String copyName = DatabaseNames.test();
                    try (Connection admin = server.dataSource("postgres").getConnection(); Statement statement = admin.createStatement()) {
                        statement.execute("create database " + copyName + " template " + template.name() + " strategy " + strategy);
                        long s1 = System.nanoTime();
                        statement.execute("drop database " + copyName);
                        if (counted) {
                            (strategy.equals("wal_log") ? walLog : fileCopy).add(s1 - s0);
                        }
                    }
                }
                long m0 = System.nanoTime();
                String name = DatabaseNames.test();
                server.createDatabase(name, Optional.empty());
                new Migrator(ConnectionSource.of(server.dataSource(name), name), settings, getClass().getClassLoader(),
                        ExecutionListener.NONE).migrate();
                try (Connection connection = server.dataSource(name).getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("select count(*) from jobs");
                }
                server.dropDatabase(name);
                if (counted) {
                    migrate.add(System.nanoTime() - m0);
                }
            }
            System.out.printf(Locale.ROOT, "%nPer-test database cost on %s (PostgreSQL %d), %d rounds after %d warm-up,"
                            + " the example schema's %d migrations:%n  template migrated once: %.1f ms%n",
                    server, server.versionNumber(), ROUNDS, WARM_UP, template.migrationsApplied(), templateMs);
            for (Samples samples : List.of(copy, create, connect, drop, migrate, walLog, fileCopy)) {
                System.out.println("  " + samples);
            }
            System.out.printf(Locale.ROOT, "  a copy costs %.1f%% of a migration run (%.1fx faster)%n",
                    100 * copy.median() / migrate.median(), migrate.median() / copy.median());
        }
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static final class Samples {
        private final String label;
        private final List<Long> nanos = new ArrayList<>();

        Samples(String label) {
            this.label = label;
        }

        void add(long elapsed) {
            nanos.add(elapsed);
        }

        double median() {
            return percentile(50);
        }

        double percentile(int p) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "%-75s median %7.1f ms  p90 %7.1f ms  min %7.1f ms", label, median(),
                    percentile(90), Arrays.stream(sorted).min().orElse(0) / 1e6);
        }
    }
}
