package dev.strata.it.fleet;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.FailurePolicy;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.drift.DriftExclusions;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetDiscovery;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many tenants' schemas, and databases, migrated in one run on a real PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class FleetTest {
    private static final DatabaseSettings NO_CREDENTIALS = new DatabaseSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), 1, Duration.ofSeconds(10), false);

    private Path migrations;

    @BeforeEach
    void files(@TempDir Path dir) throws IOException {
        migrations = dir;
        write("V1__create_accounts.sql", "create table accounts (id int primary key, name text not null);\n");
        write("V2__add_email.sql", "alter table accounts add column email text;\n");
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    private Fleet fleet() {
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(migrations)));
        return new Fleet(NO_CREDENTIALS, settings, FleetTest.class.getClassLoader(), false);
    }

    private static void createSchemas(TestDatabase database, String... schemas) {
        for (String schema : schemas) {
            Queries.execute(database, "create schema " + schema);
        }
    }

    private static List<Target> tenants(TestDatabase database, String pattern) {
        DatabaseUrl url = DatabaseUrl.parse(database.postgresUrl(), "the test");
        return TargetDiscovery.schemas(database.connectionSource(), url, pattern);
    }

    private static long historyRows(TestDatabase database, String schema, String version) {
        return Queries.queryLong(database, "select count(*) from " + schema
                + ".strata_schema_history where version = ? and success", version);
    }

    @Test
    void schemasMatchingAPatternEachGetTheFilesTheirOwnHistoryAndOnlyTheirSchemaOnTheSearchPath(TestDatabase database)
            throws IOException {
        createSchemas(database, "tenant_a", "tenant_b", "tenant_c", "billing");
        // Counted while each tenant's first file runs: the fleet's own sessions, never more than parallel + 1.
        write("V1__create_accounts.sql", "create table accounts (id int primary key, name text not null);\n"
                + "create table sessions_seen as select count(*) as n from pg_catalog.pg_stat_activity"
                + " where datname = current_database();\n");

        List<Target> targets = tenants(database, "tenant_*");
        FleetResult result = fleet().run(FleetCommand.MIGRATE, targets, FleetOptions.defaults().withParallel(2),
                FleetListener.NONE);

        assertThat(targets).extracting(Target::name).containsExactly("tenant_a", "tenant_b", "tenant_c");
        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.filesApplied()).isEqualTo(6);
        assertThat(result.versionCounts()).containsExactly(Map.entry(Optional.of(Version.parse("2")), 3L));
        for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
            assertThat(Queries.relationExists(database, tenant + ".accounts")).isTrue();
            assertThat(historyRows(database, tenant, "2")).isEqualTo(1);
        }
        assertThat(Queries.relationExists(database, "public.accounts")).isFalse();
        assertThat(Queries.relationExists(database, "public.strata_schema_history")).isFalse();
        assertThat(Queries.queryLong(database, "select greatest((select n from tenant_a.sessions_seen),"
                + " (select n from tenant_b.sessions_seen), (select n from tenant_c.sessions_seen))"))
                .isLessThanOrEqualTo(3);
        assertThat(Queries.relationExists(database, "billing.accounts")).isFalse();
    }

    @Test
    void parallelNMigratesNTargetsAtOnceOnNoMoreThanNPlusOneConnections(TestDatabase database) throws Exception {
        createSchemas(database, "par_a", "par_b", "par_c", "par_d");
        // Every tenant's first file waits on a lock the test holds: the fleet's migrations pile up at that barrier,
        // and the test counts them, and the fleet's sessions, while they wait there.
        long barrier = 4_242;
        write("V1__create_accounts.sql", "select pg_catalog.pg_advisory_xact_lock_shared(" + barrier + ");\n"
                + "create table accounts (id int primary key, name text not null);\n");
        List<Target> targets = tenants(database, "par_*");
        ExecutorService run = Executors.newSingleThreadExecutor();
        try (var gate = database.open(); var statement = gate.createStatement()) {
            statement.execute("select pg_catalog.pg_advisory_lock(" + barrier + ")");
            Future<FleetResult> fleetRun = run.submit(() -> fleet().run(FleetCommand.MIGRATE, targets,
                    FleetOptions.defaults().withParallel(3), FleetListener.NONE));

            long waiting = 0;
            long sessions = 0;
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // the bound only stops a hang
            while (waiting < 3 && System.nanoTime() < giveUp) {
                try (var row = statement.executeQuery("select (select count(*) from pg_catalog.pg_locks"
                        + " where locktype = 'advisory' and not granted and classid = 0 and objid = " + barrier
                        + "), (select count(*) from pg_catalog.pg_stat_activity where datname = current_database()"
                        + " and backend_type = 'client backend' and pid <> pg_catalog.pg_backend_pid())")) {
                    row.next();
                    waiting = row.getLong(1);
                    sessions = row.getLong(2);
                }
            }
            statement.execute("select pg_catalog.pg_advisory_unlock(" + barrier + ")");
            FleetResult result = fleetRun.get(5, TimeUnit.MINUTES); // the bound only stops a hang

            assertThat(waiting).as("migrations running at once").isEqualTo(3);
            assertThat(sessions).as("the fleet's sessions at that moment").isBetween(3L, 4L);
            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.filesApplied()).isEqualTo(8);
        } finally {
            run.shutdownNow();
        }
    }

    @Test
    void oneTenantFailingLeavesTheOthersMigratedAndARunAgainFinishesIt(TestDatabase database) throws IOException {
        createSchemas(database, "shop_a", "shop_b", "shop_c");
        Files.delete(migrations.resolve("V2__add_email.sql"));
        fleet().run(FleetCommand.MIGRATE, tenants(database, "shop_*"), FleetOptions.defaults(), FleetListener.NONE);
        Queries.execute(database, "create table shop_b.audit (id int)");
        write("V2__create_audit.sql", "\ncreate table audit (id int primary key);\n");

        FleetResult first = fleet().run(FleetCommand.MIGRATE, tenants(database, "shop_*"), FleetOptions.defaults(),
                FleetListener.NONE);

        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.succeeded()).isEqualTo(2);
        TargetResult failed = first.targets().get(1);
        assertThat(failed.name()).isEqualTo("shop_b");
        TargetOutcome.Failed outcome = (TargetOutcome.Failed) failed.outcome();
        assertThat(outcome.kind()).isEqualTo(TargetOutcome.FailureKind.MIGRATION_FAILED);
        assertThat(outcome.script()).contains("V2__create_audit.sql");
        assertThat(outcome.line()).isEqualTo(OptionalInt.of(2));
        assertThat(outcome.sqlState()).contains("42P07");
        assertThat(failed.from()).contains(Version.parse("1"));
        assertThat(failed.to()).contains(Version.parse("1"));
        assertThat(first.versionCounts()).containsExactly(Map.entry(Optional.of(Version.parse("2")), 2L),
                Map.entry(Optional.of(Version.parse("1")), 1L));

        Queries.execute(database, "drop table shop_b.audit");
        FleetResult again = fleet().run(FleetCommand.MIGRATE, tenants(database, "shop_*"), FleetOptions.defaults(),
                FleetListener.NONE);

        assertThat(again.allSucceeded()).isTrue();
        assertThat(again.targets()).extracting(TargetResult::filesApplied).containsExactly(0, 1, 0);
        assertThat(historyRows(database, "shop_b", "2")).isEqualTo(1);
    }

    @Test
    void stopStartsNoTargetAfterAFailureAndAFailingCanaryStopsTheFleet(TestDatabase database) {
        createSchemas(database, "org_a", "org_b", "org_c");
        Queries.execute(database, "create table org_b.accounts (id int)");
        List<Target> targets = tenants(database, "org_*");
        Fleet fleet = fleet();

        FleetResult stopped = fleet.run(FleetCommand.MIGRATE, targets,
                FleetOptions.defaults().withParallel(1).withOnFailure(FailurePolicy.STOP), FleetListener.NONE);
        assertThat(stopped.targets()).extracting(t -> t.outcome().getClass().getSimpleName())
                .containsExactly("Succeeded", "Failed", "Skipped");
        assertThat(((TargetOutcome.Skipped) stopped.targets().get(2).outcome()).reason()).contains("org_b failed");
        assertThat(Queries.relationExists(database, "org_c.accounts")).isFalse();

        List<Target> canaryFirst = List.of(targets.get(1), targets.get(2), targets.get(0));
        FleetResult canary = fleet.run(FleetCommand.MIGRATE, canaryFirst,
                FleetOptions.defaults().withParallel(4).withCanary(1), FleetListener.NONE);
        assertThat(canary.failed()).isEqualTo(1);
        assertThat(canary.skipped()).isEqualTo(2);
        assertThat(((TargetOutcome.Skipped) canary.targets().get(1).outcome()).reason()).contains("canary org_b");
        assertThat(Queries.relationExists(database, "org_c.accounts")).isFalse();
    }

    @Test
    void twoFleetRunsAtOnceMigrateEachTenantExactlyOnce(TestDatabase database) throws Exception {
        String[] schemas = {"t_1", "t_2", "t_3", "t_4", "t_5", "t_6"};
        createSchemas(database, schemas);
        List<Target> targets = tenants(database, "t_*");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<FleetResult>> results = List.of(
                    runs.submit(() -> {
                        start.await();
                        return fleet().run(FleetCommand.MIGRATE, targets, FleetOptions.defaults().withParallel(3),
                                FleetListener.NONE);
                    }),
                    runs.submit(() -> {
                        start.await();
                        return fleet().run(FleetCommand.MIGRATE, reversed(targets),
                                FleetOptions.defaults().withParallel(3), FleetListener.NONE);
                    }));
            int applied = 0;
            for (Future<FleetResult> result : results) {
                FleetResult fleetResult = result.get(5, TimeUnit.MINUTES); // the bound only stops a hang
                assertThat(fleetResult.allSucceeded()).isTrue();
                applied += fleetResult.filesApplied();
            }
            assertThat(applied).isEqualTo(schemas.length * 2);
        } finally {
            runs.shutdownNow();
        }
        for (String schema : schemas) {
            assertThat(Queries.queryLong(database, "select count(*) from " + schema + ".strata_schema_history"))
                    .isEqualTo(2);
        }
    }

    @Test
    void aTenantSigningUpIsMigratedByTheLibraryCallWhileAFleetRunIsGoing(TestDatabase database) throws Exception {
        createSchemas(database, "club_a", "club_b");
        List<Target> targets = tenants(database, "club_*");
        CountDownLatch fleetStarted = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        FleetListener paused = new FleetListener() {
            @Override
            public void started(Target target) {
                fleetStarted.countDown();
                await(proceed);
            }
        };
        ExecutorService run = Executors.newSingleThreadExecutor();
        try {
            Future<FleetResult> fleetRun = run.submit(() -> fleet().run(FleetCommand.MIGRATE, targets,
                    FleetOptions.defaults().withParallel(1), paused));
            await(fleetStarted);

            DatabaseUrl url = DatabaseUrl.parse(database.postgresUrl(), "the test");
            TargetResult signedUp = fleet().migrateOne(Target.schema("club_new", url, "club_new"), true);
            TargetResult early = fleet().migrateOne(targets.get(1), false);
            TargetResult missing = fleet().migrateOne(Target.schema("club_gone", url, "club_gone"), false);
            proceed.countDown();
            FleetResult fleetResult = fleetRun.get(5, TimeUnit.MINUTES); // the bound only stops a hang

            assertThat(signedUp.succeeded()).isTrue();
            assertThat(signedUp.filesApplied()).isEqualTo(2);
            assertThat(early.filesApplied()).isEqualTo(2);
            assertThat(((TargetOutcome.Failed) missing.outcome()).message()).contains("schema club_gone does not exist");
            assertThat(fleetResult.allSucceeded()).isTrue();
            assertThat(fleetResult.targets()).extracting(TargetResult::filesApplied).containsExactly(2, 0);
            assertThat(historyRows(database, "club_new", "2")).isEqualTo(1);
            assertThat(historyRows(database, "club_b", "2")).isEqualTo(1);
        } finally {
            proceed.countDown();
            run.shutdownNow();
        }
    }

    @Test
    void targetsFromAQueryOnAControlDatabaseWithTheirSecretsMaskedInEveryMessage(TestDatabase control,
                                                                                 TestDatabase customer)
            throws Exception {
        String secret = "Wrong-Pass-7f3a";
        String wrongPassword = customer.postgresUrl().replaceFirst("//([^:@/]+)(:[^@]*)?@", "//$1:" + secret + "@");
        Queries.execute(control, "create table tenants (name text, url text, schema text)");
        try (var connection = control.open();
             var insert = connection.prepareStatement("insert into tenants values (?, ?, ?), (?, ?, ?)")) {
            insert.setString(1, "acme");
            insert.setString(2, customer.postgresUrl());
            insert.setString(3, null);
            insert.setString(4, "locked-out");
            insert.setString(5, wrongPassword);
            insert.setString(6, null);
            insert.execute();
        }

        List<Target> targets = TargetDiscovery.query(control.connectionSource(),
                "select name, url, schema from tenants order by name");
        FleetResult result = fleet().run(FleetCommand.MIGRATE, targets, FleetOptions.defaults(), FleetListener.NONE);

        assertThat(targets).extracting(Target::name).containsExactly("acme", "locked-out");
        assertThat(result.targets().get(0).succeeded()).isTrue();
        assertThat(Queries.relationExists(customer, "public.accounts")).isTrue();
        TargetOutcome.Failed failed = (TargetOutcome.Failed) result.targets().get(1).outcome();
        assertThat(failed.kind()).isEqualTo(TargetOutcome.FailureKind.CANNOT_CONNECT);
        assertThat(failed.sqlState()).contains("28P01");
        assertThat(failed.message()).doesNotContain(secret);
        assertThat(result.targets().get(1).location()).doesNotContain(secret);
        assertThat(targets.get(1).toString()).doesNotContain(secret);
    }

    @Test
    void diffComparesEveryTargetAgainstOneSharedScratchDatabaseAndFailsOnlyTheDriftedOne(
            TestDatabase database, TestDatabase ownDatabase, TestDatabase scratch) {
        createSchemas(database, "drift_a", "drift_b");
        DatabaseUrl ownUrl = DatabaseUrl.parse(ownDatabase.postgresUrl(), "the test");
        List<Target> targets = new java.util.ArrayList<>(tenants(database, "drift_*"));
        targets.add(Target.database("own", ownUrl));
        assertThat(fleet().run(FleetCommand.MIGRATE, targets, FleetOptions.defaults(), FleetListener.NONE)
                .allSucceeded()).isTrue();
        Queries.execute(database, "alter table drift_b.accounts add column added_by_hand int");

        // parallel 1: the tenants replay first, so "own" finds their schemas in the scratch database and must empty it
        FleetResult result = fleet().diff(targets, FleetOptions.defaults().withParallel(1), FleetListener.NONE,
                new Interruption(), scratch.connectionSource(), DriftExclusions.toolHistoryTables());

        assertThat(result.command()).isEqualTo(FleetCommand.DIFF);
        assertThat(result.targets()).extracting(TargetResult::name).containsExactly("drift_a", "drift_b", "own");
        assertThat(result.targets().get(0).succeeded()).as(result.toString()).isTrue();
        assertThat(result.targets().get(2).succeeded()).as(result.toString()).isTrue();
        TargetOutcome.Failed drifted = (TargetOutcome.Failed) result.targets().get(1).outcome();
        assertThat(drifted.kind()).isEqualTo(TargetOutcome.FailureKind.DRIFTED);
        assertThat(drifted.message()).startsWith("drifted from its migrations: ").contains("added_by_hand")
                .doesNotContain("drift_a");
        assertThat(result.versionCounts()).containsExactly(Map.entry(Optional.of(Version.parse("2")), 3L));
        assertThat(Queries.queryLong(scratch, "select count(*) from pg_catalog.pg_namespace where nspname like 'drift_%'"))
                .as("emptied for the database of its own").isZero();
        assertThat(Queries.relationExists(database, "drift_a.strata_schema_history")).isTrue();
        assertThat(Queries.queryLong(database, "select count(*) from drift_a.strata_schema_history"))
                .as("diff changed nothing").isEqualTo(2);
    }

    @Test
    void aStopFromOutsideLetsTheRunningTargetRollBackItsFileAndStartsNoOtherTarget(TestDatabase database)
            throws Exception {
        createSchemas(database, "stop_a", "stop_b", "stop_c");
        long gate = 4_243;
        // Only stop_b's second file waits on the test's lock: stop_a finishes, stop_b is stopped there, stop_c waits.
        write("V2__add_email.sql", "alter table accounts add column email text;\n"
                + "select pg_catalog.pg_advisory_xact_lock(" + gate + ") where current_schema() = 'stop_b';\n");
        List<Target> targets = tenants(database, "stop_*");
        Interruption interruption = new Interruption();
        ExecutorService run = Executors.newSingleThreadExecutor();
        try (var holder = database.open(); var statement = holder.createStatement()) {
            statement.execute("select pg_catalog.pg_advisory_lock(" + gate + ")");
            Future<FleetResult> fleetRun = run.submit(() -> fleet().run(FleetCommand.MIGRATE, targets,
                    FleetOptions.defaults().withParallel(1), FleetListener.NONE, interruption));
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // the bound only stops a hang
            long waiting = 0;
            while (waiting == 0) {
                assertThat(System.nanoTime()).as("stop_b waiting on the test's lock").isLessThan(giveUp);
                assertThat(fleetRun.isDone()).as("the fleet run ended before stop_b waited").isFalse();
                try (var row = statement.executeQuery("select count(*) from pg_catalog.pg_locks where"
                        + " locktype = 'advisory' and not granted and classid = 0 and objid = " + gate)) {
                    row.next();
                    waiting = row.getLong(1);
                }
            }

            assertThat(interruption.interrupt("SIGINT")).isTrue();
            FleetResult result = fleetRun.get(5, TimeUnit.MINUTES); // the bound only stops a hang

            assertThat(result.stoppedBy()).contains("SIGINT");
            assertThat(result.targets().get(0).succeeded()).isTrue();
            assertThat(result.targets().get(1).interrupted()).as(result.toString()).isTrue();
            assertThat(((TargetOutcome.Failed) result.targets().get(1).outcome()).message())
                    .contains("SIGINT stopped the run during").contains("V2__add_email.sql");
            assertThat(result.targets().get(1).to()).contains(Version.parse("1"));
            assertThat(result.targets().get(2).outcome())
                    .isEqualTo(new TargetOutcome.Skipped("not started: SIGINT stopped the run"));
            assertThat(List.of(result.succeeded(), result.interrupted(), result.failed(), result.skipped()))
                    .containsExactly(1L, 1L, 0L, 1L);
            assertThat(historyRows(database, "stop_a", "2")).isEqualTo(1);
            assertThat(historyRows(database, "stop_b", "2")).as("rolled back").isZero();
            assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns where"
                    + " table_schema = 'stop_b' and column_name = 'email'")).isZero();
            assertThat(Queries.relationExists(database, "stop_c.strata_schema_history")).isFalse();
        } finally {
            run.shutdownNow();
        }
    }

    private static List<Target> reversed(List<Target> targets) {
        List<Target> copy = new java.util.ArrayList<>(targets);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.MINUTES)).isTrue(); // the bound only stops a hang
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
