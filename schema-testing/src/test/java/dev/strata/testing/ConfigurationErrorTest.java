package dev.strata.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad @MigratedDatabase configuration fails the test class with an error that names the culprit. */
class ConfigurationErrorTest {

    @Test
    void aMissingClasspathLocationIsNamed() {
        Throwable failure = onlyFailure(MissingLocation.class);
        assertThat(failure).isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("migration location classpath:no/such/migrations is not on the test class path")
                .hasMessageContaining("src/test/resources/no/such/migrations");
    }

    @Test
    void aLocationWithoutMigrationFilesIsAnError() {
        assertThat(onlyFailure(EmptyLocation.class)).isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("migration location classpath:empty-location holds no migration file");
    }

    @Test
    void aFailingMigrationIsNamedWithItsLine() {
        Throwable failure = onlyFailure(BrokenMigration.class);
        assertThat(failure).isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("@MigratedDatabase could not build the template database from [classpath:broken]")
                .hasMessageContaining("migration V2__add_owner.sql (version 2) failed at classpath:broken/V2__add_owner.sql:3:")
                .hasMessageContaining("SQLSTATE 42704")
                .hasMessageContaining("type \"bigintt\" does not exist")
                .hasMessageContaining("What to do: fix classpath:broken/V2__add_owner.sql");
    }

    @Test
    void aBrokenTemplateIsReportedByEveryClassWithoutMigratingAgain() {
        Throwable first = onlyFailure(BrokenMigration.class);
        Throwable second = onlyFailure(BrokenMigrationAgain.class);
        assertThat(second).as("the remembered failure, not a second migration run").isSameAs(first);
    }

    @Test
    void anInvalidLocationNamesTheAttributeAndTheClass() {
        assertThat(onlyFailure(LocationWithoutPrefix.class)).isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("@MigratedDatabase(locations = [db/migration]) on " + LocationWithoutPrefix.class.getName()
                        + " is not valid: invalid location 'db/migration'")
                .hasMessageContaining("What to do: use classpath:<path> or filesystem:<dir>");
    }

    @Test
    void anInvalidHistoryTableNameIsNamed() {
        assertThat(onlyFailure(InvalidHistoryTable.class)).isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("historyTable = \"schema-log\"")
                .hasMessageContaining("invalid table name 'schema-log'");
    }

    @Test
    void aDatabaseParameterOfBeforeAllIsRefusedWithTheReason() {
        assertThat(onlyFailure(ParameterInBeforeAll.class)).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("gives each test method its own database")
                .hasMessageContaining("not of " + ParameterInBeforeAll.class.getName() + ".setUp(…)");
    }

    @Test
    void aDatabaseParameterOfTheConstructorIsRefusedWithTheReason() {
        assertThat(onlyFailure(ParameterInConstructor.class)).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("not of the constructor of " + ParameterInConstructor.class.getName());
    }

    private static Throwable onlyFailure(Class<?> testClass) {
        EngineExecutionResults results = TestKit.run(testClass);
        List<Throwable> failures = TestKit.failures(results);
        assertThat(failures).as("failures of " + testClass.getSimpleName()).hasSize(1);
        assertThat(results.testEvents().succeeded().count()).isZero();
        return failures.get(0);
    }

    @MigratedDatabase(locations = "classpath:no/such/migrations")
    static class MissingLocation {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase(locations = "classpath:empty-location")
    static class EmptyLocation {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase(locations = "classpath:broken")
    static class BrokenMigration {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase(locations = "classpath:broken")
    static class BrokenMigrationAgain {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase(locations = "db/migration")
    static class LocationWithoutPrefix {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase(historyTable = "schema-log")
    static class InvalidHistoryTable {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase
    static class ParameterInBeforeAll {
        @BeforeAll
        static void setUp(DataSource dataSource) {
        }

        @Test
        void test() {
        }
    }

    @MigratedDatabase
    static class ParameterInConstructor {
        ParameterInConstructor(DataSource dataSource) {
        }

        @Test
        void test() {
        }
    }
}
