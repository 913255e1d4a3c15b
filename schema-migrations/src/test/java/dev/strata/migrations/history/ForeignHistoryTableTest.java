package dev.strata.migrations.history;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose history table a table is, by its columns (and, where the columns are too common, its name). */
class ForeignHistoryTableTest {

    @Test
    void gooseTemporalAndPopxTablesAreRecognised() {
        assertThat(ForeignHistoryTable.recognise("goose_db_version", Set.of("id", "version_id", "is_applied",
                "tstamp"))).get().extracting(ForeignHistoryTable::adoptAs).isEqualTo("goose");
        assertThat(ForeignHistoryTable.recognise("schema_version", Set.of("version_partition", "db_name",
                "creation_time", "curr_version", "min_compatible_version"))).get()
                .extracting(ForeignHistoryTable::adoptAs).isEqualTo("temporal-sql-tool");
        assertThat(ForeignHistoryTable.recognise("schema_migration", Set.of("version", "version_self"))).get()
                .extracting(ForeignHistoryTable::adoptAs).isEqualTo("popx");
        // A lone version column is popx's under popx's name and dbmate's under any other.
        assertThat(ForeignHistoryTable.recognise("schema_migration", Set.of("version"))).get()
                .extracting(ForeignHistoryTable::adoptAs).isEqualTo("popx");
        assertThat(ForeignHistoryTable.recognise("schema_migrations", Set.of("version"))).get()
                .extracting(ForeignHistoryTable::adoptAs).isEqualTo("dbmate");
        assertThat(ForeignHistoryTable.recognise("users", Set.of("id", "name"))).isEmpty();
    }

    @Test
    void theDefaultTablesListEachNewToolsTables() {
        assertThat(ForeignHistoryTable.defaultTableNames()).contains("goose_db_version", "schema_migration",
                "schema_version", "schema_update_history").doesNotHaveDuplicates();
    }

    @Test
    void aGenericDefaultNameIsTheToolsTableOnlyWithItsColumns() {
        assertThat(ForeignHistoryTable.isDefaultToolTable("schema_version", Set.of("version_partition", "db_name",
                "creation_time", "curr_version", "min_compatible_version"))).isTrue();
        assertThat(ForeignHistoryTable.isDefaultToolTable("schema_version", Set.of("version", "applied_at")))
                .as("an application's own schema_version, even with dbmate's lone version column's name").isFalse();
        assertThat(ForeignHistoryTable.isDefaultToolTable("goose_db_version", Set.of("id", "version_id")))
                .as("a tool's own name suffices").isTrue();
        assertThat(ForeignHistoryTable.isDefaultToolTable("users", Set.of("version", "dirty"))).isFalse();
    }
}
