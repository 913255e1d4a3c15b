package dev.strata.it;

import dev.strata.migrations.config.DatabaseUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The provider itself: each test gets a database of its own, reachable in every form handed out, dropped after. */
@ExtendWith(FreshDatabase.class)
class TestDatabaseTest {
    private static final List<String> USED = new CopyOnWriteArrayList<>();

    @Test
    void eachParameterIsAFreshEmptyDatabaseOfItsOwn(TestDatabase first, TestDatabase second) throws SQLException {
        USED.addAll(List.of(first.name(), second.name()));
        assertThat(first.name()).startsWith("it_").isNotEqualTo(second.name());
        Queries.execute(first, "create table only_in_first (id int)");

        assertThat(currentDatabase(first.open())).isEqualTo(first.name());
        assertThat(Queries.relationExists(first, "only_in_first")).isTrue();
        assertThat(Queries.relationExists(second, "only_in_first")).isFalse();
    }

    @Test
    void thePostgresUrlFormReachesTheSameDatabase(TestDatabase database) throws SQLException {
        USED.add(database.name());
        String url = database.postgresUrl();
        assertThat(url).startsWith("postgresql://").contains("@", "/" + database.name());

        DatabaseUrl parsed = DatabaseUrl.parse(url, "test");
        assertThat(currentDatabase(TestDatabase.connectionSource(parsed).open())).isEqualTo(database.name());
        assertThat(parsed.user()).contains(database.user());
    }

    @Test
    void theJdbcUrlAndCredentialsReachTheSameDatabase(TestDatabase database) throws SQLException {
        USED.add(database.name());
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://").doesNotContain("password");
        Properties credentials = new Properties();
        credentials.setProperty("user", database.user());
        credentials.setProperty("password", database.password());

        assertThat(currentDatabase(DriverManager.getConnection(database.jdbcUrl(), credentials)))
                .isEqualTo(database.name());
    }

    @Test
    void descriptionsNeverShowThePassword(TestDatabase database) {
        USED.add(database.name());
        assumeThat(database.password()).as("the test server has a password").isNotEmpty();
        String inUrl = ":" + database.password() + "@";

        assertThat(database.toString()).contains(database.name()).doesNotContain(inUrl);
        assertThat(database.url().toString()).doesNotContain(inUrl);
        assertThat(database.connectionSource().description()).doesNotContain(inUrl);
    }

    @AfterAll
    static void everyDatabaseIsDroppedWhenItsTestEnds() throws SQLException {
        assertThat(USED).hasSize(5);
        try (Connection connection = TestServers.get().admin().open();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from pg_database where datname = any (?)")) {
            statement.setArray(1, connection.createArrayOf("text", USED.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isZero();
            }
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return result.getString(1);
        }
    }
}
