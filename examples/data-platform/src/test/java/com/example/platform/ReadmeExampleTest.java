package com.example.platform;

import com.example.platform.schema.SchemaVersion;
import com.example.platform.schema.enums.JobStatus;
import com.example.platform.schema.tables.records.JobsRecord;
import dev.strata.api.StrataDatabase;
import dev.strata.testing.MigratedDatabase;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.postgres.extensions.types.LongRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static com.example.platform.schema.Tables.DATASETS;
import static com.example.platform.schema.Tables.DATASET_VERSIONS;
import static com.example.platform.schema.Tables.EXTRACTION_PROGRESS;
import static com.example.platform.schema.Tables.JOBS;
import static com.example.platform.schema.Tables.NAMESPACES;
import static com.example.platform.schema.Tables.PHYSICAL_TABLES;
import static com.example.platform.schema.Tables.TABLE_REVISIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;

/**
 * The documented example (typed queries), verbatim between the markers, through the runtime {@link StrataDatabase}
 * wrapping the test's {@link MigratedDatabase} data source: both types in one class, no qualified name needed.
 */
@MigratedDatabase
class ReadmeExampleTest {
    static final String SOURCE = "examples/data-platform/src/test/java/com/example/platform/ReadmeExampleTest.java";

    @Test
    void theDocumentedExampleRuns(DataSource dataSource) {
        try (StrataDatabase db = StrataDatabase.builder().dataSource(dataSource).autoMigrate(true).build()) {
            assertThat(db.migration()).hasValueSatisfying(result -> assertThat(result.nothingToDo()).isTrue());
            db.verifySchema(SchemaVersion.INSTANCE);
            long revisionId = catalogue(db.dsl());
            // --- example start
            DSLContext dsl = db.dsl();

            // Insert a job: the enum and jsonb columns are typed, the identity comes back into the record.
            JobsRecord job = dsl.newRecord(JOBS);
            job.setDescriptor(JSONB.valueOf("{\"kind\": \"extract\", \"table\": \"orders\"}"));
            job.setIdempotencyKey("extract-orders-2026-11-22");
            job.store();                                   // status defaults to 'scheduled'

            // A worker records the blocks it has extracted into a table revision (int8range -> LongRange).
            dsl.insertInto(EXTRACTION_PROGRESS)
                    .set(EXTRACTION_PROGRESS.JOB_ID, job.getId())
                    .set(EXTRACTION_PROGRESS.TABLE_REVISION_ID, revisionId)
                    .set(EXTRACTION_PROGRESS.BLOCK_RANGE, LongRange.longRange(0L, 5_000L))
                    .execute();

            // Pending jobs with the dataset they extract into. Jobs reach datasets only through
            // extraction_progress -> table_revisions -> physical_tables -> dataset_versions -> datasets.
            Result<Record4<Long, String, String, String>> pending = dsl
                    .selectDistinct(JOBS.ID, NAMESPACES.NAME, DATASETS.NAME, DATASET_VERSIONS.VERSION)
                    .from(JOBS)
                    .join(EXTRACTION_PROGRESS).on(EXTRACTION_PROGRESS.JOB_ID.eq(JOBS.ID))
                    .join(TABLE_REVISIONS).on(TABLE_REVISIONS.ID.eq(EXTRACTION_PROGRESS.TABLE_REVISION_ID))
                    .join(PHYSICAL_TABLES).on(PHYSICAL_TABLES.ID.eq(TABLE_REVISIONS.PHYSICAL_TABLE_ID))
                    .join(DATASET_VERSIONS).on(DATASET_VERSIONS.ID.eq(PHYSICAL_TABLES.DATASET_VERSION_ID))
                    .join(DATASETS).on(DATASETS.ID.eq(DATASET_VERSIONS.DATASET_ID))
                    .join(NAMESPACES).on(NAMESPACES.ID.eq(DATASETS.NAMESPACE_ID))
                    .where(JOBS.STATUS.eq(JobStatus.scheduled))
                    .orderBy(JOBS.ID)
                    .fetch();

            // Start it: a typed enum update; the trigger stamps started_at and logs a job_events row.
            int updated = dsl.update(JOBS)
                    .set(JOBS.STATUS, JobStatus.running)
                    .where(JOBS.ID.eq(job.getId()).and(JOBS.STATUS.eq(JobStatus.scheduled)))
                    .execute();

            // Read a jsonb field: the whole document, or one attribute in SQL (descriptor ->> 'kind').
            JSONB descriptor = dsl.select(JOBS.DESCRIPTOR).from(JOBS).where(JOBS.ID.eq(job.getId())).fetchSingle().value1();
            String kind = dsl.select(jsonbGetAttributeAsText(JOBS.DESCRIPTOR, "kind"))
                    .from(JOBS).where(JOBS.ID.eq(job.getId())).fetchSingle().value1();
            // --- example end

            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).value1()).isEqualTo(job.getId());
            assertThat(pending.get(0).value2()).isEqualTo("sales");
            assertThat(pending.get(0).value3()).isEqualTo("orders");
            assertThat(pending.get(0).value4()).isEqualTo("1.4.0");
            assertThat(updated).isEqualTo(1);
            job.refresh();
            assertThat(job.getStatus()).isEqualTo(JobStatus.running);
            assertThat(job.getStartedAt()).isNotNull();
            assertThat(descriptor).isEqualTo(JSONB.valueOf("{\"table\": \"orders\", \"kind\": \"extract\"}"));
            assertThat(kind).isEqualTo("extract");
            assertThat(dsl.fetchValue(EXTRACTION_PROGRESS.BLOCK_COUNT)).isEqualTo(5_000L);
        }
    }

    @Test
    void theDocumentationShowsExactlyTheCodeThatRuns() throws IOException {
        String source = Documentation.read(SOURCE);
        String tested = between(source, "// --- example start\n", "            // --- example end");
        assertThat(outdent(Documentation.block(SOURCE))).isEqualTo(outdent(tested));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker " + start.strip()).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("marker " + end.strip()).isNotNegative();
        return text.substring(from + start.length(), to);
    }

    private static String outdent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n")).strip();
    }

    /** The dataset catalogue the example's job extracts into: sales.orders 1.4.0, table orders, revision 1. */
    private static long catalogue(DSLContext dsl) {
        long namespace = dsl.insertInto(NAMESPACES).set(NAMESPACES.NAME, "sales").returning(NAMESPACES.ID)
                .fetchSingle().getId();
        long dataset = dsl.insertInto(DATASETS).set(DATASETS.NAMESPACE_ID, namespace).set(DATASETS.NAME, "orders")
                .returning(DATASETS.ID).fetchSingle().getId();
        long version = dsl.insertInto(DATASET_VERSIONS).set(DATASET_VERSIONS.DATASET_ID, dataset)
                .set(DATASET_VERSIONS.VERSION, "1.4.0").returning(DATASET_VERSIONS.ID).fetchSingle().getId();
        long table = dsl.insertInto(PHYSICAL_TABLES).set(PHYSICAL_TABLES.DATASET_VERSION_ID, version)
                .set(PHYSICAL_TABLES.TABLE_NAME, "orders").returning(PHYSICAL_TABLES.ID).fetchSingle().getId();
        return dsl.insertInto(TABLE_REVISIONS).set(TABLE_REVISIONS.PHYSICAL_TABLE_ID, table)
                .set(TABLE_REVISIONS.REVISION_NUMBER, 1).set(TABLE_REVISIONS.LOCATION, "s3://lake/sales/orders/1.4.0/r1/")
                .returning(TABLE_REVISIONS.ID).fetchSingle().getId();
    }
}
