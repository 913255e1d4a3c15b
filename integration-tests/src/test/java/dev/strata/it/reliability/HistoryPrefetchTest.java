package dev.strata.it.reliability;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.resolve.LocationNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrator opens its connection and reads the history on a second thread while it reads the files. Whatever
 * happens to the files, that connection is handed to the run or closed, never left open.
 */
@ExtendWith(FreshDatabase.class)
class HistoryPrefetchTest {

    @Test
    void aMissingLocationFailsAsBeforeAndTheConnectionOpenedMeanwhileIsClosed(TestDatabase database,
                                                                              @TempDir Path dir) {
        Opened opened = new Opened(database.connectionSource());
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(dir.resolve("no-such-directory"))));

        assertThatThrownBy(() -> new Migrator(opened, settings).validate())
                .isInstanceOf(LocationNotFoundException.class)
                .hasMessageContaining("does not exist");

        // The connection may still have been opening when the files failed: it is closed once it is open.
        Poll.until("the connection opened beside the failed file scan closed",
                () -> opened.connections.size() == 1 && opened.allClosed() ? Optional.of(true) : Optional.empty());
    }

    @Test
    void theConnectionThatReadTheHistoryIsTheOneThePlanUsesAndItIsClosedAfterwards(TestDatabase database,
                                                                                    @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("V1__one.sql"), "create table one (id int);\n");
        Opened opened = new Opened(database.connectionSource());
        MigrationSettings settings = MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(dir)));

        MigrationPlan plan = new Migrator(opened, settings).plan();

        assertThat(plan.pending()).hasSize(1);
        assertThat(opened.connections).hasSize(1);
        assertThat(opened.allClosed()).isTrue();
    }

    /** A connection source that remembers what it opened. */
    private static final class Opened implements ConnectionSource {
        private final ConnectionSource source;
        private final List<Connection> connections = new CopyOnWriteArrayList<>();

        Opened(ConnectionSource source) {
            this.source = source;
        }

        @Override
        public Connection open() throws SQLException {
            Connection connection = source.open();
            connections.add(connection);
            return connection;
        }

        @Override
        public String description() {
            return source.description();
        }

        boolean allClosed() {
            return connections.stream().allMatch(connection -> {
                try {
                    return connection.isClosed();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
