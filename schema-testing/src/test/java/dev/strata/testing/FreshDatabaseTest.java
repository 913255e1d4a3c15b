package dev.strata.testing;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test method gets its own copy of the migrated template, whatever order the tests run in. */
@MigratedDatabase
class FreshDatabaseTest {
    private String databaseOfBeforeEach;

    @BeforeEach
    void rememberTheDatabase(TestDatabase database) {
        databaseOfBeforeEach = database.name();
    }

    @Test
    void everyParameterPointsToTheTestsDatabase(DataSource dataSource, DSLContext dsl, Connection connection,
                                                TestDatabase database) throws SQLException {
        assertThat(database.name()).startsWith("strata_test_").isEqualTo(databaseOfBeforeEach);
        assertThat(currentDatabase(connection)).isEqualTo(database.name());
        try (Connection fromDataSource = dataSource.getConnection()) {
            assertThat(currentDatabase(fromDataSource)).isEqualTo(database.name());
        }
        assertThat(dsl.fetchValue("select current_database()")).isEqualTo(database.name());
        assertThat(dsl.dialect().family().getName()).isEqualTo("Postgres");
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://").contains("/" + database.name());
        assertThat(database.template()).startsWith("strata_template_");
    }

    @Test
    void startsFromTheTemplateMigratedOnce(DataSource dataSource, TestDatabase database) throws SQLException {
        TemplateWitness.check(database, dataSource);
    }

    @Test
    void firstTestInsertingWorkers(DSLContext dsl) {
        assertNoWorkersThenInsertTwo(dsl);
    }

    @Test
    void secondTestInsertingWorkers(DSLContext dsl) {
        assertNoWorkersThenInsertTwo(dsl);
    }

    /** Both tests do this, so whichever runs second would see the other's rows if databases were shared. */
    static void assertNoWorkersThenInsertTwo(DSLContext dsl) {
        assertThat(dsl.fetchCount(dsl.selectFrom("workers"))).isZero();
        dsl.execute("insert into workers (node_id, hostname, software_version) values ('n1', 'h1', '1.0'), ('n2', 'h2', '1.0')");
        assertThat(dsl.fetchCount(dsl.selectFrom("workers"))).isEqualTo(2);
    }

    static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return result.getString(1);
        }
    }
}
