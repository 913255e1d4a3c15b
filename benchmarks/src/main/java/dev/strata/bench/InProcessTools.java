package dev.strata.bench;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.Location;

import java.nio.file.Path;
import java.util.List;

/** Strata's {@link Migrator} and Flyway's API called inside the harness's JVM: no process start, warm classes. */
final class InProcessTools {
    private InProcessTools() {
    }

    static Tool strata(BenchServer server) {
        return new Tool() {
            @Override
            public String name() {
                return "strata (in-process)";
            }

            @Override
            public boolean inProcess() {
                return true;
            }

            @Override
            public Measurement migrate(String database, Path migrations) {
                long started = System.nanoTime();
                migrator(database, migrations).migrate();
                return Measurement.inProcess(started);
            }

            @Override
            public Measurement validate(String database, Path migrations) {
                long started = System.nanoTime();
                migrator(database, migrations).validate();
                return Measurement.inProcess(started);
            }

            private Migrator migrator(String database, Path migrations) {
                MigrationSettings settings = MigrationSettings.defaults()
                        .withLocations(List.of(new Location.Filesystem(migrations.toAbsolutePath())));
                return new Migrator(() -> server.open(database), settings);
            }
        };
    }

    static Tool flyway(BenchServer server) {
        return new Tool() {
            @Override
            public String name() {
                return "flyway (in-process)";
            }

            @Override
            public boolean inProcess() {
                return true;
            }

            @Override
            public Measurement migrate(String database, Path migrations) {
                long started = System.nanoTime();
                FlywayMain.run("migrate", server.jdbcUrl(database), server.user(), server.password().orElse(null),
                        migrations);
                return Measurement.inProcess(started);
            }

            @Override
            public Measurement validate(String database, Path migrations) {
                long started = System.nanoTime();
                FlywayMain.run("validate", server.jdbcUrl(database), server.user(), server.password().orElse(null),
                        migrations);
                return Measurement.inProcess(started);
            }
        };
    }
}
