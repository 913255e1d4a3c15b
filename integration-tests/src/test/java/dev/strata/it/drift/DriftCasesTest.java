package dev.strata.it.drift;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.drift.ObjectDifference;
import dev.strata.migrations.drift.ObjectDifference.Change;
import dev.strata.migrations.drift.ObjectKind;
import dev.strata.migrations.drift.SchemaDiff;
import dev.strata.migrations.drift.SchemaObject;
import dev.strata.migrations.drift.SchemaSnapshot;
import dev.strata.migrations.drift.SnapshotScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of hand-made change, run on a database migrated with the every-kind schema, is found and named: exactly
 * one difference, of the right kind, object and attribute. Each hotfix runs in a transaction that is rolled back after
 * the catalog is read, so the cases share one migrated database and one replay.
 */
@ExtendWith(FreshDatabase.class)
class DriftCasesTest {
    private static TestDatabase live;
    private static SchemaSnapshot expected;
    private static final SnapshotScope SCOPE = SnapshotScope.of(EveryKindSchema.SETTINGS);

    /** A change made by hand, and the one difference it must produce. */
    record Hotfix(String description, String sql, ObjectKind kind, String name, Change change, String attribute) {
        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeAll
    static void migrateAndReplay(TestDatabase liveDatabase, TestDatabase scratch) throws SQLException {
        live = liveDatabase;
        EveryKindSchema.migrate(live, EveryKindSchema.SETTINGS);
        DriftReport report = EveryKindSchema.check(live, scratch, EveryKindSchema.SETTINGS).run();
        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        try (Connection connection = scratch.open()) {
            expected = SchemaSnapshot.read(connection, SCOPE);
        }
    }

    static Stream<Hotfix> hotfixes() {
        return Stream.of(
                new Hotfix("column added by hand", "alter table jobs add column note text",
                        ObjectKind.COLUMN, "public.jobs.note", Change.UNEXPECTED, null),
                new Hotfix("column type changed", "alter table jobs alter column updated_at type timestamp",
                        ObjectKind.COLUMN, "public.jobs.updated_at", Change.CHANGED, "type"),
                new Hotfix("index dropped", "drop index jobs_kind_idx",
                        ObjectKind.INDEX, "public.jobs_kind_idx", Change.MISSING, null),
                new Hotfix("partial predicate changed", "drop index jobs_pending_idx;"
                        + " create index jobs_pending_idx on jobs (created_at) where state = 'running'",
                        ObjectKind.INDEX, "public.jobs_pending_idx", Change.CHANGED, "definition"),
                new Hotfix("default changed", "alter table jobs alter column created_at set default clock_timestamp()",
                        ObjectKind.COLUMN, "public.jobs.created_at", Change.CHANGED, "default"),
                new Hotfix("check constraint changed", "alter table jobs drop constraint jobs_priority_check;"
                        + " alter table jobs add constraint jobs_priority_check check (priority between 0 and 100)",
                        ObjectKind.CONSTRAINT, "public.jobs.jobs_priority_check", Change.CHANGED, "definition"),
                new Hotfix("function body changed", """
                        create or replace function touch_updated_at() returns trigger
                            language plpgsql
                        as $$
                        begin
                            new.updated_at := clock_timestamp();
                            return new;
                        end
                        $$""", ObjectKind.FUNCTION, "public.touch_updated_at()", Change.CHANGED, "definition"),
                new Hotfix("trigger dropped", "drop trigger jobs_touch on jobs",
                        ObjectKind.TRIGGER, "public.jobs.jobs_touch", Change.MISSING, null),
                new Hotfix("enum value added", "alter type job_state add value 'cancelled'",
                        ObjectKind.ENUM, "public.job_state", Change.CHANGED, "values"),
                new Hotfix("extension missing", "drop extension pgcrypto",
                        ObjectKind.EXTENSION, "pgcrypto", Change.MISSING, null),
                // Beyond the list: one case for each remaining attribute a hotfix typically touches.
                new Hotfix("column made nullable", "alter table jobs alter column name drop not null",
                        ObjectKind.COLUMN, "public.jobs.name", Change.CHANGED, "not null"),
                new Hotfix("identity changed", "alter table jobs alter column id set generated by default",
                        ObjectKind.COLUMN, "public.jobs.id", Change.CHANGED, "identity"),
                new Hotfix("collation changed", "alter table jobs alter column title type text collate \"POSIX\"",
                        ObjectKind.COLUMN, "public.jobs.title", Change.CHANGED, "collation"),
                new Hotfix("foreign key action changed", "alter table billing.invoices drop constraint invoices_job_id_fkey;"
                        + " alter table billing.invoices add constraint invoices_job_id_fkey foreign key (job_id)"
                        + " references jobs (id) on delete set null",
                        ObjectKind.CONSTRAINT, "billing.invoices.invoices_job_id_fkey", Change.CHANGED, "definition"),
                new Hotfix("exclusion constraint dropped", "alter table billing.invoices drop constraint invoices_no_overlap",
                        ObjectKind.CONSTRAINT, "billing.invoices.invoices_no_overlap", Change.MISSING, null),
                new Hotfix("index added by hand", "create index jobs_state_idx on jobs (state)",
                        ObjectKind.INDEX, "public.jobs_state_idx", Change.UNEXPECTED, null),
                new Hotfix("view redefined", "create or replace view running_jobs with (security_barrier) as"
                        + " select id, name, priority from jobs where state in ('running', 'pending')",
                        ObjectKind.VIEW, "public.running_jobs", Change.CHANGED, "definition"),
                new Hotfix("materialized view dropped", "drop materialized view job_counts",
                        ObjectKind.MATERIALIZED_VIEW, "public.job_counts", Change.MISSING, null),
                new Hotfix("procedure replaced", "create or replace procedure reset_jobs(keep job_state)"
                        + " language sql as $$ delete from jobs where state = keep $$",
                        ObjectKind.PROCEDURE, "public.reset_jobs(public.job_state)", Change.CHANGED, "definition"),
                new Hotfix("trigger disabled", "alter table jobs disable trigger jobs_touch",
                        ObjectKind.TRIGGER, "public.jobs.jobs_touch", Change.CHANGED, "enabled"),
                new Hotfix("domain constraint added", "alter domain short_code add constraint short_code_upper"
                        + " check (value = upper(value))",
                        ObjectKind.DOMAIN, "public.short_code", Change.CHANGED, "constraints"),
                new Hotfix("sequence altered", "alter sequence invoice_number_seq increment by 10",
                        ObjectKind.SEQUENCE, "public.invoice_number_seq", Change.CHANGED, "increment"),
                new Hotfix("table set logged", "alter table job_cache set logged",
                        ObjectKind.TABLE, "public.job_cache", Change.CHANGED, "persistence"),
                new Hotfix("row level security enabled", "alter table jobs enable row level security",
                        ObjectKind.TABLE, "public.jobs", Change.CHANGED, "row level security"),
                new Hotfix("function added by hand", "create function billing.noop() returns void language sql as ''",
                        ObjectKind.FUNCTION, "billing.noop()", Change.UNEXPECTED, null),
                new Hotfix("schema added by hand", "create schema scratchpad",
                        ObjectKind.SCHEMA, "scratchpad", Change.UNEXPECTED, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hotfixes")
    void eachHotfixIsFoundAndNamed(Hotfix hotfix) throws SQLException {
        SchemaDiff diff = SchemaDiff.between(expected, readWithinRolledBackTransaction(hotfix.sql()));

        assertThat(diff.differences()).as(diff.describe()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(hotfix.kind());
            assertThat(difference.name()).isEqualTo(hotfix.name());
            assertThat(difference.change()).isEqualTo(hotfix.change());
            if (hotfix.attribute() != null) {
                assertThat(difference.attributes()).extracting(a -> a.attribute()).containsExactly(hotfix.attribute());
            }
        });
        assertThat(diff.describe()).contains(hotfix.kind().label() + " " + hotfix.name() + ": "
                + hotfix.change().label());
    }

    @Test
    void theTestSchemaUsesEveryKindOfObject() {
        assertThat(expected.objects()).extracting(SchemaObject::kind).containsAll(Arrays.asList(ObjectKind.values()));
        assertThat(expected.objects()).extracting(SchemaObject::name)
                .doesNotContain("public.strata_schema_history")
                .noneMatch(name -> name.startsWith("pg_catalog.") || name.startsWith("information_schema."));
    }

    @Test
    void aChangedPartialPredicateShowsBothPredicates() throws SQLException {
        SchemaDiff diff = SchemaDiff.between(expected, readWithinRolledBackTransaction("drop index jobs_pending_idx;"
                + " create index jobs_pending_idx on jobs (created_at) where state = 'running'"));

        ObjectDifference index = diff.find(ObjectKind.INDEX, "public.jobs_pending_idx").orElseThrow();
        assertThat(index.attributes().get(0).expected()).hasValueSatisfying(definition ->
                assertThat(definition).endsWith("WHERE (state = 'pending'::public.job_state)"));
        assertThat(index.attributes().get(0).actual()).hasValueSatisfying(definition ->
                assertThat(definition).endsWith("WHERE (state = 'running'::public.job_state)"));
    }

    @Test
    void aDroppedTableIsOneDifferenceWithItsPartsFolded() throws SQLException {
        SchemaDiff diff = SchemaDiff.between(expected, readWithinRolledBackTransaction("drop table billing.invoices"));

        assertThat(diff.differences()).as(diff.describe()).singleElement().satisfies(difference -> {
            assertThat(difference.key().toString()).isEqualTo("table billing.invoices");
            assertThat(difference.change()).isEqualTo(Change.MISSING);
            assertThat(difference.parts()).extracting(SchemaObject::name).contains("billing.invoices.during",
                    "billing.invoices.invoices_no_overlap", "billing.invoices.invoices_job_id_fkey",
                    "billing.invoices_serial_seq");
        });
    }

    @Test
    void readingInsideACallersTransactionLeavesItsSessionAsItWas() throws SQLException {
        try (Connection connection = live.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local search_path = billing, public");
            SchemaSnapshot.read(connection, SCOPE);
            try (var result = statement.executeQuery("show search_path")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("billing, public");
            }
            connection.rollback();
        }
    }

    private static SchemaSnapshot readWithinRolledBackTransaction(String sql) throws SQLException {
        try (Connection connection = live.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute(sql);
                return SchemaSnapshot.read(connection, SCOPE);
            } finally {
                connection.rollback();
            }
        }
    }
}
