package dev.strata.testing;

import dev.strata.testserver.TestEnvironment;
import dev.strata.migrations.MigrationSettings;
import org.jooq.DSLContext;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Test databases are dropped after their test, even with connections left open; the shared server outlives runs. */
@MigratedDatabase
class LifecycleTest {
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    @Test
    void everyTestDatabaseIsDroppedAfterItsTest(DSLContext dsl, TestDatabase outer) {
        CREATED.clear();
        EngineExecutionResults results = TestKit.run(LeavesConnectionsOpen.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
        assertThat(CREATED).hasSize(2).doesNotHaveDuplicates().doesNotContain(outer.name());
        // The nested run's end released its claim on the server, not the server: this test's database still works.
        assertThat(dsl.fetchSingle("select count(*) from pg_database where datname = any(?)",
                (Object) CREATED.toArray(String[]::new)).get(0, Long.class)).isZero();
        assertThat(dsl.fetchValue("select current_database()")).isEqualTo(outer.name());
    }

    @Test
    void testsRunningAtTheSameTimeEachHaveTheirOwnDatabase() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                        Integer.toString(InParallel.TESTS))
                .selectors(selectClass(InParallel.class))
                .execute();

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(InParallel.TESTS);
    }

    @Test
    void databasesCopiedAtTheSameTimeAreSeparate() throws Exception {
        int copies = 4;
        CyclicBarrier allCopied = new CyclicBarrier(copies);
        ExecutorService threads = Executors.newFixedThreadPool(copies);
        try (SharedServers.Lease lease = SharedServers.acquire(ServerSpec.choose(ServerKind.AUTO,
                TestEnvironment.current()))) {
            ServerTemplates templates = lease.templates();
            TemplateDatabase template = templates.template(MigrationSettings.defaults(), getClass().getClassLoader());
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                names.add(threads.submit(() -> {
                    try (IsolatedDatabase database = IsolatedDatabase.create(templates, template)) {
                        FreshDatabaseTest.assertNoWorkersThenInsertTwo(database.dsl());
                        allCopied.await(60, TimeUnit.SECONDS); // every copy exists, with its rows, at this point
                        assertThat(database.dsl().fetchCount(database.dsl().selectFrom("workers"))).isEqualTo(2);
                        return database.info().name();
                    }
                }));
            }
            List<String> created = new ArrayList<>();
            for (Future<String> name : names) {
                created.add(name.get(120, TimeUnit.SECONDS));
            }
            assertThat(created).doesNotHaveDuplicates().hasSize(copies);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aContainerServerIsUsedWhenDockerIsReachableAndRefusedWithTheReasonOtherwise() {
        EngineExecutionResults results = TestKit.run(OnTestcontainers.class);
        if (dockerReachable()) {
            assertThat(TestKit.failures(results)).isEmpty();
            assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        } else {
            assertThat(TestKit.failures(results)).singleElement().isInstanceOf(TestDatabaseException.class)
                    .extracting(Throwable::getMessage).asString()
                    .contains("Testcontainers was selected as the test server (postgres:17), but no Docker engine is reachable")
                    .contains("unset STRATA_TEST_SERVER");
        }
    }

    private static boolean dockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @MigratedDatabase
    static class LeavesConnectionsOpen {
        @Test
        void connectionParameter(Connection connection, TestDatabase database) throws SQLException {
            CREATED.add(database.name());
            connection.setAutoCommit(false);
            connection.createStatement().execute("insert into workers (node_id, hostname, software_version)"
                    + " values ('n1', 'h1', '1.0')"); // an open transaction, never committed
        }

        @Test
        void connectionNeverClosed(DataSource dataSource, TestDatabase database) throws SQLException {
            CREATED.add(database.name());
            dataSource.getConnection().createStatement().execute("select 1");
        }
    }

    @MigratedDatabase
    static class InParallel {
        static final int TESTS = 4;

        @RepeatedTest(TESTS)
        void seesOnlyItsOwnRows(DSLContext dsl) {
            FreshDatabaseTest.assertNoWorkersThenInsertTwo(dsl);
        }
    }

    @MigratedDatabase(server = ServerKind.TESTCONTAINERS)
    static class OnTestcontainers {
        @Test
        void migrated(DSLContext dsl) {
            assertThat(dsl.fetchValue("select to_regclass('public.jobs')::text")).isEqualTo("jobs");
        }
    }
}
