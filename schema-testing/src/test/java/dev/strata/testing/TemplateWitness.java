package dev.strata.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the default template was migrated once: every test database copied from it carries the same history
 * rows, down to the microsecond of {@code installed_at}, which a second migration run could not reproduce. The first
 * test to run (in whichever class) records what it sees; every later one compares.
 */
final class TemplateWitness {
    /** The example schema's twelve migrations. */
    static final int EXAMPLE_MIGRATIONS = 12;

    private static String template;
    private static List<String> history;

    private TemplateWitness() {
    }

    static synchronized void check(TestDatabase database, Connection connection) throws SQLException {
        List<String> rows = historyRows(connection);
        assertThat(rows).hasSize(EXAMPLE_MIGRATIONS);
        if (template == null) {
            template = database.template();
            history = rows;
        }
        assertThat(database.template()).as("the template of every test with the default settings").isEqualTo(template);
        assertThat(rows).as("history rows copied from the template, not migrated again").isEqualTo(history);
    }

    private static List<String> historyRows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version, success, installed_at::text"
                     + " from strata_schema_history order by installed_rank")) {
            while (result.next()) {
                assertThat(result.getBoolean(2)).isTrue();
                rows.add(result.getString(1) + " @ " + result.getString(3));
            }
        }
        return rows;
    }
}
