package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several deployments migrating one database at once: the advisory lock lets each version be applied once. */
@ExtendWith(FreshDatabase.class)
class ConcurrentMigrateTest {
    private static final int MIGRATORS = 8;
    private static final int MIGRATIONS = 20;

    @Test
    void eightConcurrentMigratorsApplyEachVersionExactlyOnce(TestDatabase database, @TempDir Path dir) throws Exception {
        MigrationFiles files = new MigrationFiles(dir);
        for (int v = 1; v <= MIGRATIONS; v++) {
            files.write("V" + v + "__create_step_" + v + ".sql",
                    "create table step_" + v + " (id int primary key);\ninsert into step_" + v + " values (" + v + ");\n");
        }
        CyclicBarrier start = new CyclicBarrier(MIGRATORS);
        ExecutorService threads = Executors.newFixedThreadPool(MIGRATORS);
        List<MigrateResult> results = new ArrayList<>();
        try {
            List<Future<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < MIGRATORS; i++) {
                Migrator migrator = files.migrator(database);
                runs.add(threads.submit(() -> {
                    start.await();
                    return migrator.migrate();
                }));
            }
            for (Future<MigrateResult> run : runs) {
                results.add(run.get(5, TimeUnit.MINUTES)); // rethrows any run's failure; the bound only stops a hang
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(results).hasSize(MIGRATORS);
        assertThat(results.stream().mapToInt(result -> result.applied().size()).sum()).isEqualTo(MIGRATIONS);
        List<String> versions = IntStream.rangeClosed(1, MIGRATIONS).mapToObj(Integer::toString).toList();
        assertThat(Queries.appliedVersions(database)).containsExactlyElementsOf(versions);
        assertThat(Queries.queryLong(database, "select count(*) from (select version from "
                + Queries.DEFAULT_HISTORY.qualified() + " group by version having count(*) > 1) twice")).isZero();
        assertThat(Queries.queryLong(database, "select count(*) from step_20")).isEqualTo(1);
    }
}
