package dev.strata.testing;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A second class with the same settings: it copies the same template (see {@link TemplateWitness}). */
@MigratedDatabase(locations = "classpath:db/migration")
class SharedTemplateTest {

    @Test
    void copiesTheSameTemplate(DataSource dataSource, TestDatabase database) throws SQLException {
        TemplateWitness.check(database, dataSource);
    }

    @Test
    void seesNoRowsOfOtherTests(DSLContext dsl) {
        FreshDatabaseTest.assertNoWorkersThenInsertTwo(dsl);
    }

    @Nested
    class InANestedClass {
        @Test
        void theEnclosingAnnotationApplies(DataSource dataSource, Connection connection, TestDatabase database,
                                           DSLContext dsl) throws SQLException {
            TemplateWitness.check(database, dataSource);
            FreshDatabaseTest.assertNoWorkersThenInsertTwo(dsl);
            assertThat(FreshDatabaseTest.currentDatabase(connection)).isEqualTo(database.name());
        }
    }
}
