package dev.strata.testing;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import javax.sql.DataSource;

import static dev.strata.testing.StrataAssertions.assertSchemaMatchesMigrations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live catalog against the schema the migrations produce, on the test's own database. */
@MigratedDatabase
class StrataAssertionsTest {

    @Test
    void aFreshlyMigratedDatabaseMatches(DataSource dataSource, DSLContext dsl) {
        dsl.execute("insert into workers (node_id, hostname, software_version) values ('n1', 'h1', '1.0')");
        assertSchemaMatchesMigrations(dataSource); // rows are not schema
    }

    @Test
    void aColumnAddedByHandIsNamed(DataSource dataSource, DSLContext dsl, TestDatabase database) {
        dsl.execute("alter table workers add column nickname text");
        assertThatThrownBy(() -> assertSchemaMatchesMigrations(dataSource))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("the schema of test database " + database.name()
                        + " does not match its migrations in [classpath:db/migration]")
                .hasMessageContaining("1 difference: 1 not created by the migrations")
                .hasMessageContaining("column public.workers.nickname: not created by the migrations");
    }

    @Test
    void everyDifferenceIsListedUnderItsObject(DataSource dataSource, DSLContext dsl) {
        dsl.execute("drop index ix_workers_lower_hostname");
        dsl.execute("alter table workers alter column hostname drop not null");
        dsl.execute("create table scratch_notes (id int)");
        assertThatThrownBy(() -> assertSchemaMatchesMigrations(dataSource))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("3 differences")
                .hasMessageContaining("index public.ix_workers_lower_hostname: missing from the database")
                .hasMessageContaining("column public.workers.hostname: changed")
                .hasMessageContaining("table public.scratch_notes: not created by the migrations");
    }

    @Test
    void aDatabaseBehindItsMigrationsIsComparedWithWhatItApplied(DataSource dataSource, DSLContext dsl) {
        undoVersion4ByHand(dsl);
        assertSchemaMatchesMigrations(dataSource); // V1–V3 replayed into a scratch database: no drift
        assertThat(dsl.fetchSingle("select count(*) from pg_database where datname like 'strata\\_scratch\\_%'").get(0, Long.class)).as("the scratch database is dropped").isZero();

        dsl.execute("alter table workers add column nickname text");
        assertThatThrownBy(() -> assertSchemaMatchesMigrations(dataSource))
                .hasMessageContaining("column public.workers.nickname: not created by the migrations")
                .hasMessageNotContaining("marked_for_deletion_at");
    }

    @Test
    void anEditedHistoryFailsWithTheReason(DataSource dataSource, DSLContext dsl) {
        dsl.execute("update strata_schema_history set checksum = 'sha256:00' where version = '3'");
        assertThatThrownBy(() -> assertSchemaMatchesMigrations(dataSource))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("does not fit the migration files in [classpath:db/migration]")
                .hasMessageContaining("V3__create_files.sql");
    }

    @Test
    void aDataSourceOfYourOwnIsComparedOnTheTestServer(DataSource dataSource, TestDatabase database, DSLContext dsl) {
        DataSource own = new ForeignDataSource(dataSource);
        assertSchemaMatchesMigrations(own, "classpath:db/migration");

        dsl.execute("alter table workers add column nickname text");
        assertThatThrownBy(() -> assertSchemaMatchesMigrations(own))
                .hasMessageStartingWith("the schema of database " + database.name() + " does not match")
                .hasMessageContaining("column public.workers.nickname: not created by the migrations");
    }

    /** As if the database had applied V1–V3 only: V4's objects and history row removed. */
    private static void undoVersion4ByHand(DSLContext dsl) {
        dsl.execute("drop index ix_files_marked_for_deletion_at");
        dsl.execute("alter table files drop column marked_for_deletion_at");
        dsl.execute("delete from strata_schema_history where version = '4'");
    }
}
