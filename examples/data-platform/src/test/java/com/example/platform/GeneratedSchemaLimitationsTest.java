package com.example.platform;

import com.example.platform.schema.Indexes;
import com.example.platform.schema.Keys;
import com.example.platform.schema.Public;
import com.example.platform.schema.enums.JobStatus;
import dev.strata.testing.MigratedDatabase;
import org.jooq.Check;
import org.jooq.DSLContext;
import org.jooq.Index;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.LongRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.example.platform.schema.Tables.EXTRACTION_PROGRESS;
import static com.example.platform.schema.Tables.JOBS;
import static com.example.platform.schema.Tables.TABLE_REVISIONS;
import static com.example.platform.schema.Tables.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every claim of docs/codegen.md ("what the generated code does not know"), checked against the generated classes
 * and, where it matters, against the migrated database that does know.
 */
@MigratedDatabase
class GeneratedSchemaLimitationsTest {
    private DSLContext dsl;

    @BeforeEach
    void useTheTestsDatabase(DSLContext testDatabase) {
        dsl = testDatabase;
    }

    @Test
    void expressionIndexesAreMissing() {
        assertThat(Public.PUBLIC.getTables()).flatExtracting(t -> t.getIndexes()).extracting(Index::getName)
                .doesNotContain("ix_workers_lower_hostname", "ix_jobs_descriptor_kind")
                .contains("ix_workers_last_heartbeat_at", "ix_jobs_status_created_at");
        assertThat(liveIndexes()).contains("ix_workers_lower_hostname", "ix_jobs_descriptor_kind");
    }

    @Test
    void partialIndexesLoseTheirPredicateAndAreNotUniqueKeys() {
        for (Index index : List.of(Indexes.UX_JOBS_IDEMPOTENCY_KEY_UNFINISHED,
                Indexes.UX_TABLE_REVISIONS_ONE_ACTIVE_PER_TABLE, Indexes.IX_FILES_MARKED_FOR_DELETION_AT)) {
            assertThat(index.getWhere()).as(index.getName()).isNull();
        }
        assertThat(Indexes.UX_JOBS_IDEMPOTENCY_KEY_UNFINISHED.getUnique()).isTrue();
        assertThat(JOBS.getKeys()).extracting(key -> key.getName()).containsExactly("pk_jobs");
        assertThat(dsl.ddl(JOBS).queries()).extracting(Object::toString)
                .anySatisfy(sql -> assertThat(sql).contains("ux_jobs_idempotency_key_unfinished").doesNotContain("where"));
        // The database still has the predicate: a finished job frees its idempotency key.
        insertJob(JobStatus.cancelled, "k1");
        insertJob(JobStatus.scheduled, "k1");
        assertThatThrownBy(() -> insertJob(JobStatus.running, "k1")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("ux_jobs_idempotency_key_unfinished");
    }

    @Test
    void indexAccessMethodsAreNotRecorded() {
        // ix_extraction_progress_block_range is USING gist; the generated index is a plain column list.
        assertThat(Indexes.IX_EXTRACTION_PROGRESS_BLOCK_RANGE.getFields()).hasSize(1);
        assertThat(dsl.ddl(EXTRACTION_PROGRESS).queries()).extracting(Object::toString)
                .anySatisfy(sql -> assertThat(sql).contains("ix_extraction_progress_block_range").doesNotContainIgnoringCase("gist"));
        assertThat(dsl.resultQuery("select indexdef from pg_indexes where indexname = 'ix_extraction_progress_block_range'")
                .fetchSingle(0, String.class)).contains("USING gist");
    }

    @Test
    void generatedColumnsAndIdentityKindsAreNotModelled() {
        assertThat(EXTRACTION_PROGRESS.BLOCK_COUNT.getDataType().computed()).isFalse();
        assertThat(EXTRACTION_PROGRESS.BLOCK_COUNT.getDataType().readonly()).isFalse();
        assertThat(EXTRACTION_PROGRESS.BLOCK_COUNT.getDataType().generatedAlwaysAs()).isNull();
        assertThat(EXTRACTION_PROGRESS.BLOCK_COUNT.getDataType().nullable()).isTrue();
        // GENERATED ALWAYS AS IDENTITY: the field only says identity(true); the database refuses an explicit id.
        assertThat(WORKERS.ID.getDataType().identity()).isTrue();
        assertThatThrownBy(() -> dsl.insertInto(WORKERS).set(WORKERS.ID, 1_000L).set(WORKERS.NODE_ID, "n")
                .set(WORKERS.HOSTNAME, "h").set(WORKERS.SOFTWARE_VERSION, "1").execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("non-DEFAULT value into column \"id\"");
    }

    @Test
    void checkConstraintsAreCarriedAsPostgresRenderedTextOnly() {
        assertThat(JOBS.getChecks()).extracting(Check::getName).containsExactly(
                "ck_jobs_cancellation_reason_only_when_cancelled", "ck_jobs_descriptor_is_object",
                "ck_jobs_finished_after_started", "ck_jobs_finished_at_only_when_finished",
                "ck_jobs_retry_count_non_negative");
        assertThat(Public.PUBLIC.getTables()).flatExtracting(t -> t.getChecks()).hasSize(18);
        assertThat(dsl.resultQuery("select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace"
                + " where n.nspname = 'public' and c.contype = 'c'").fetchSingle(0, Integer.class)).isEqualTo(18);
        Check<?> finished = JOBS.getChecks().get(3);
        assertThat(finished.condition().toString()).contains(
                "status = ANY (ARRAY['succeeded'::job_status, 'failed'::job_status, 'cancelled'::job_status])");
        // Nothing checks it in Java: the record accepts the value, the database rejects the row.
        assertThatThrownBy(() -> dsl.insertInto(JOBS).set(JOBS.DESCRIPTOR, JSONB.valueOf("[]")).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ck_jobs_descriptor_is_object");
    }

    @Test
    void foreignKeysCarryNoDeleteRule() {
        // fk_jobs_worker_id is ON DELETE SET NULL, fk_files_table_revision_id ON DELETE CASCADE: jOOQ 3.19's
        // ForeignKey has no accessor for either, and the generated DDL has no ON DELETE clause.
        assertThat(Keys.JOBS__FK_JOBS_WORKER_ID.getKeyFields()).containsExactly(WORKERS.ID);
        List<String> ddl = Arrays.stream(dsl.ddl(Public.PUBLIC).queries()).map(Object::toString).toList();
        assertThat(ddl).filteredOn(sql -> sql.contains("fk_files_table_revision_id") || sql.contains("fk_jobs_worker_id"))
                .hasSize(2)
                .allSatisfy(sql -> assertThat(sql).containsIgnoringCase("foreign key").doesNotContainIgnoringCase("on delete"));
        assertThat(TABLE_REVISIONS.getReferences()).hasSize(1);
    }

    @Test
    void int8rangeIsTypedOnlyThroughTheForcedType() {
        assertThat(EXTRACTION_PROGRESS.BLOCK_RANGE.getType()).isEqualTo(LongRange.class);
        assertThat(EXTRACTION_PROGRESS.BLOCK_RANGE.getDataType().getTypeName()).contains("int8range");
        // Range operators are not in jOOQ's DSL: the template of docs/codegen.md.
        long job = dsl.insertInto(JOBS).set(JOBS.DESCRIPTOR, JSONB.valueOf("{}")).returning(JOBS.ID).fetchSingle().getId();
        long revision = GeneratedSchemaTest.newRevision(dsl, "range_operators");
        dsl.insertInto(EXTRACTION_PROGRESS).set(EXTRACTION_PROGRESS.JOB_ID, job)
                .set(EXTRACTION_PROGRESS.TABLE_REVISION_ID, revision)
                .set(EXTRACTION_PROGRESS.BLOCK_RANGE, LongRange.longRange(100L, 200L)).execute();
        LongRange range = LongRange.longRange(150L, 160L);
        assertThat(dsl.fetchCount(EXTRACTION_PROGRESS, DSL.condition("{0} && {1}", EXTRACTION_PROGRESS.BLOCK_RANGE,
                DSL.val(range, EXTRACTION_PROGRESS.BLOCK_RANGE)))).isEqualTo(1);
        assertThat(dsl.fetchCount(EXTRACTION_PROGRESS, DSL.condition("{0} && {1}", EXTRACTION_PROGRESS.BLOCK_RANGE,
                DSL.val(LongRange.longRange(200L, 300L), EXTRACTION_PROGRESS.BLOCK_RANGE)))).as("[100,200) is half-open").isZero();
    }

    @Test
    void triggersAndTriggerFunctionsAreAbsent() {
        assertThat(Public.PUBLIC.getSequences()).as("no sequences (identity sequences are not generated)").isEmpty();
        assertThat(dsl.resultQuery("select count(*) from pg_trigger where not tgisinternal").fetchSingle(0, Integer.class))
                .as("triggers in the database").isEqualTo(5);
        assertThat(dsl.resultQuery("select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where n.nspname = 'public'").fetchSingle(0, Integer.class)).as("functions in the database").isEqualTo(4);
    }

    private void insertJob(JobStatus status, String key) {
        dsl.insertInto(JOBS).set(JOBS.STATUS, status).set(JOBS.IDEMPOTENCY_KEY, key)
                .set(JOBS.DESCRIPTOR, JSONB.valueOf("{}")).execute();
    }

    private List<String> liveIndexes() {
        return dsl.fetchValues("select indexname from pg_indexes where schemaname = 'public'").stream()
                .map(Object::toString).toList();
    }
}
