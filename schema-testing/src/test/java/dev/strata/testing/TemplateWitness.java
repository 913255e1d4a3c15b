package dev.strata.testing;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.MigrationPlan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the default template was migrated once: every test database copied from it carries the same history
 * rows, down to the microsecond of {@code installed_at}, which a second migration run could not reproduce. The first
 * test to run (in whichever class) records what it sees; every later one compares.
 */
final class TemplateWitness {
    private static String template;
    private static List<String> history;

    private TemplateWitness() {
    }

    static synchronized void check(TestDatabase database, DataSource dataSource) throws SQLException {
        assertFullyMigrated(dataSource, MigrationSettings.defaults());
        List<String> rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = historyRows(connection);
        }
        if (template == null) {
            template = database.template();
            history = rows;
        }
        assertThat(database.template()).as("the template of every test with the default settings").isEqualTo(template);
        assertThat(rows).as("history rows copied from the template, not migrated again").isEqualTo(history);
    }

    /** Every migration file is applied, once: as many successful history rows as the plan has entries. */
    static void assertFullyMigrated(DataSource dataSource, MigrationSettings settings) throws SQLException {
        MigrationPlan plan = new Migrator(ConnectionSource.of(dataSource, "the test database"), settings).plan();
        assertThat(plan.isUpToDate()).as("nothing pending, no problem: %s", plan).isTrue();
        assertThat(plan.entries()).isNotEmpty();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + settings.historyTable().qualified()
                     + " where success")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(plan.entries().size());
        }
    }

    private static List<String> historyRows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select installed_rank, script, installed_at::text"
                     + " from strata_schema_history order by installed_rank")) {
            while (result.next()) {
                rows.add(result.getInt(1) + " " + result.getString(2) + " @ " + result.getString(3));
            }
        }
        return rows;
    }
}
