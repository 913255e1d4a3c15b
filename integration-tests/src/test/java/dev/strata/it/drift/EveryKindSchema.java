package dev.strata.it.drift;

import dev.strata.it.TestDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.drift.DriftCheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The test schema that uses every kind of object {@code strata diff} compares (src/test/resources/drift/every-kind). */
final class EveryKindSchema {
    static final MigrationSettings SETTINGS = MigrationSettings.defaults()
            .withLocations(List.of(new Location.Classpath("drift/every-kind")));

    private EveryKindSchema() {
    }

    static void migrate(TestDatabase database, MigrationSettings settings) {
        new Migrator(database.connectionSource(), settings).migrate();
    }

    static DriftCheck check(TestDatabase live, TestDatabase scratch, MigrationSettings settings) {
        return new DriftCheck(live.connectionSource(), scratch.connectionSource(), settings,
                EveryKindSchema.class.getClassLoader());
    }

    static long count(TestDatabase database, String sql) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs statements as a hotfix would: by hand, committed, outside any migration. */
    static void hotfix(TestDatabase database, String sql) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
