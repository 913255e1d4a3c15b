package dev.strata.api;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.ConfigLoader;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.MigrationResolver;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** A database of the shared test server (see {@link TestPostgres}). */
record TestDatabase(String name, int port, String jdbcUrl, DataSource dataSource) {

    /** Applies every test migration (classpath:db/migration), as {@code strata migrate} would. */
    TestDatabase migrate() {
        new Migrator(ConnectionSource.of(dataSource, name), MigrationSettings.defaults()).migrate();
        return this;
    }

    /** Applies the test migrations up to and including {@code lastVersion} only. */
    TestDatabase migrateUpTo(String lastVersion) {
        Version last = Version.parse(lastVersion);
        List<ResolvedMigration> all = new MigrationResolver(TestDatabase.class.getClassLoader())
                .resolve(List.of(Location.DEFAULT)).migrations();
        Path directory = null;
        try {
            directory = Files.createTempDirectory("strata-migrations-up-to-" + lastVersion);
            for (ResolvedMigration migration : all) {
                if (migration.id().versionNumber().orElseThrow().compareTo(last) <= 0) {
                    Files.writeString(directory.resolve(migration.script()), migration.content(), StandardCharsets.UTF_8);
                }
            }
            MigrationSettings settings = MigrationSettings.defaults()
                    .withLocations(List.of(new Location.Filesystem(directory)));
            new Migrator(ConnectionSource.of(dataSource, name), settings).migrate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(directory);
        }
        return this;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }

    DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** The configuration an application would load with {@code STRATA_DATABASE__URL} pointing here, plus {@code extra}. */
    StrataConfig config(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("STRATA_DATABASE__URL", jdbcUrl);
        // The embedded server takes only its per-start password (never part of the printed URL).
        environment.putIfAbsent("STRATA_DATABASE__PASSWORD", TestPostgres.server().password());
        return ConfigLoader.load(Optional.empty(), environment, Optional.empty());
    }
}
