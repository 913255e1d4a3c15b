package dev.strata.embedded;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throwaway databases on one server for the class: names, create (empty or a copy), drop with sessions still open. */
class ThrowawayDatabasesTest {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgres.builder().nonDurable().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void namesAreThePrefixAndSixteenRandomHexDigits() {
        String first = ThrowawayDatabases.uniqueName("strata_scratch");
        assertThat(first).matches("strata_scratch_[0-9a-f]{16}");
        assertThat(ThrowawayDatabases.uniqueName("strata_scratch")).isNotEqualTo(first);
    }

    @Test
    void theJdbcUrlOfADatabaseKeepsHostPortAndParameters() {
        assertThat(ThrowawayDatabases.jdbcUrl("jdbc:postgresql://db:5433/postgres?sslmode=require", "t_1"))
                .isEqualTo("jdbc:postgresql://db:5433/t_1?sslmode=require");
        assertThat(ThrowawayDatabases.jdbcUrl("jdbc:postgresql://db", "t_1")).isEqualTo("jdbc:postgresql://db/t_1");
        assertThatThrownBy(() -> ThrowawayDatabases.jdbcUrl("postgresql://db/postgres", "t_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCopyHasTheTemplatesTablesAndADropEndsTheSessionsLeftOnIt() throws SQLException {
        String template = ThrowawayDatabases.uniqueName("tmpl");
        String copy = ThrowawayDatabases.uniqueName("copy");
        try (Connection admin = server.dataSource("postgres").getConnection()) {
            ThrowawayDatabases.create(admin, template, Optional.empty(), "");
            try (Connection connection = server.dataSource(template).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int)");
            }
            ThrowawayDatabases.create(admin, copy, Optional.of(template), "");
            Connection leftOpen = server.dataSource(copy).getConnection();
            assertThat(exists(leftOpen, "select to_regclass('kept') is not null")).isTrue();

            ThrowawayDatabases.drop(admin, copy);
            ThrowawayDatabases.drop(admin, template);
            ThrowawayDatabases.drop(admin, template); // gone already: nothing to do

            assertThat(leftOpen.isValid(5)).isFalse();
            assertThat(exists(admin, "select exists (select from pg_database where datname in ('" + template
                    + "', '" + copy + "'))")).isFalse();
        }
    }

    private static boolean exists(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
