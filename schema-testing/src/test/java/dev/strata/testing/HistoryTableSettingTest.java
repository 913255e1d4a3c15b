package dev.strata.testing;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.SchemaTable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Other migration settings: a template of their own, migrated with them. */
@MigratedDatabase(historySchema = "audit", historyTable = "schema_log")
class HistoryTableSettingTest {

    @Test
    void theTemplateIsMigratedWithTheseSettings(DataSource dataSource, DSLContext dsl) throws SQLException {
        TemplateWitness.assertFullyMigrated(dataSource,
                MigrationSettings.defaults().withHistoryTable(new SchemaTable("audit", "schema_log")));
        assertThat(dsl.fetchValue("select to_regclass('public.strata_schema_history')::text")).isNull();
        assertThat(dsl.fetchValue("select to_regclass('public.jobs')::text")).isEqualTo("jobs");
    }
}
