package dev.strata.testing;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Other migration settings: a template of their own, migrated with them. */
@StrataDatabase(historySchema = "audit", historyTable = "schema_log")
class HistoryTableSettingTest {

    @Test
    void theTemplateIsMigratedWithTheseSettings(DSLContext dsl, TestDatabase database) {
        assertThat(dsl.fetchSingle("select count(*) from audit.schema_log where success").get(0, Long.class))
                .isEqualTo((long) TemplateWitness.EXAMPLE_MIGRATIONS);
        assertThat(dsl.fetchValue("select to_regclass('public.strata_schema_history')::text")).isNull();
        assertThat(dsl.fetchValue("select to_regclass('public.jobs')::text")).isEqualTo("jobs");
        assertThat(database.template()).startsWith("strata_template_");
    }
}
