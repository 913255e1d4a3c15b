package com.example.platform;

import com.example.platform.schema.Public;
import com.example.platform.schema.enums.JobStatus;
import com.example.platform.schema.tables.pojos.Jobs;
import com.example.platform.schema.tables.records.DatasetVersionsRecord;
import com.example.platform.schema.tables.records.DatasetsRecord;
import com.example.platform.schema.tables.records.ExtractionProgressRecord;
import com.example.platform.schema.tables.records.FileLeasesRecord;
import com.example.platform.schema.tables.records.FilesRecord;
import com.example.platform.schema.tables.records.JobEventsRecord;
import com.example.platform.schema.tables.records.JobsRecord;
import com.example.platform.schema.tables.records.ManifestsRecord;
import com.example.platform.schema.tables.records.NamespacesRecord;
import com.example.platform.schema.tables.records.PhysicalTablesRecord;
import com.example.platform.schema.tables.records.TableRevisionsRecord;
import com.example.platform.schema.tables.records.WorkerHeartbeatsRecord;
import com.example.platform.schema.tables.records.WorkersRecord;
import dev.strata.testing.MigratedDatabase;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.postgres.extensions.types.LongRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

import static com.example.platform.schema.Tables.DATASETS;
import static com.example.platform.schema.Tables.DATASET_VERSIONS;
import static com.example.platform.schema.Tables.EXTRACTION_PROGRESS;
import static com.example.platform.schema.Tables.FILES;
import static com.example.platform.schema.Tables.FILE_LEASES;
import static com.example.platform.schema.Tables.JOBS;
import static com.example.platform.schema.Tables.JOB_EVENTS;
import static com.example.platform.schema.Tables.JOB_STATUS_COUNTS;
import static com.example.platform.schema.Tables.WORKER_LOAD;
import static com.example.platform.schema.Tables.MANIFESTS;
import static com.example.platform.schema.Tables.NAMESPACES;
import static com.example.platform.schema.Tables.PHYSICAL_TABLES;
import static com.example.platform.schema.Tables.TABLE_REVISIONS;
import static com.example.platform.schema.Tables.WORKERS;
import static com.example.platform.schema.Tables.WORKER_HEARTBEATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;

/** The generated classes against a database migrated by the engine: typed writes and reads on every table. */
@MigratedDatabase
class GeneratedSchemaTest {
    private static final List<String> EXAMPLE_TABLES = List.of("dataset_versions", "datasets", "extraction_progress",
            "file_leases", "files", "job_events", "jobs", "manifests", "namespaces", "physical_tables",
            "table_revisions", "worker_heartbeats", "workers");
    /** Defined by the repeatable migration R__job_reporting_views.sql. */
    private static final List<String> EXAMPLE_VIEWS = List.of("job_status_counts", "worker_load");
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 22, 8, 0, 0, 0, ZoneOffset.UTC);

    private DSLContext dsl;

    @BeforeEach
    void useTheTestsDatabase(DSLContext testDatabase) {
        dsl = testDatabase;
    }

    @Test
    void theViewsOfTheRepeatableMigrationAreTypedAndQueryable() {
        dsl.insertInto(JOBS, JOBS.DESCRIPTOR).values(JSONB.valueOf("{\"kind\": \"view-test\"}")).execute();

        var counts = dsl.selectFrom(JOB_STATUS_COUNTS).where(JOB_STATUS_COUNTS.STATUS.eq(JobStatus.scheduled)).fetchOne();

        assertThat(counts).isNotNull();
        assertThat(counts.getJobs()).isPositive();
        assertThat(counts.getOldestCreatedAt()).isNotNull();
        assertThat(WORKER_LOAD.RUNNING_JOBS.getType()).isEqualTo(Long.class);
    }

    @Test
    void everyTableAndViewOfTheExampleSchemaIsGeneratedButNotTheHistoryTable() {
        TreeSet<String> generated = new TreeSet<>();
        Public.PUBLIC.getTables().forEach(table -> generated.add(table.getName()));
        TreeSet<String> expected = new TreeSet<>(EXAMPLE_TABLES);
        expected.addAll(EXAMPLE_VIEWS);
        assertThat(generated).containsExactlyElementsOf(expected);
        List<String> live = dsl.resultQuery("select tablename from pg_tables where schemaname = 'public'"
                + " and tablename <> 'strata_schema_history' order by tablename").fetch(0, String.class);
        assertThat(live).as("tables in the migrated database").containsExactlyElementsOf(EXAMPLE_TABLES);
    }

    @Test
    void typedInsertAndSelectOnEveryTable() throws Exception {
        WorkersRecord worker = dsl.newRecord(WORKERS);
        worker.setNodeId("node-a");
        worker.setHostname("Worker-A.example");
        worker.setSoftwareVersion("3.2.1+build.45");
        worker.setLabels(JSONB.valueOf("{\"zone\": \"eu-west-1a\"}"));
        worker.store();
        assertThat(worker.getId()).as("identity returned by the insert").isNotNull();

        WorkerHeartbeatsRecord heartbeat = dsl.insertInto(WORKER_HEARTBEATS)
                .set(WORKER_HEARTBEATS.WORKER_ID, worker.getId())
                .set(WORKER_HEARTBEATS.OBSERVED_AT, T0)
                .set(WORKER_HEARTBEATS.PAYLOAD, JSONB.valueOf("{\"load\": 0.5}"))
                .returning().fetchOne();

        NamespacesRecord namespace = dsl.newRecord(NAMESPACES);
        namespace.setName("sales");
        namespace.setDescription("Sales team");
        namespace.store();
        DatasetsRecord dataset = dsl.newRecord(DATASETS);
        dataset.setNamespaceId(namespace.getId());
        dataset.setName("orders");
        dataset.store();
        DatasetVersionsRecord version = dsl.newRecord(DATASET_VERSIONS);
        version.setDatasetId(dataset.getId());
        version.setVersion("1.4.0");
        version.store();
        ManifestsRecord manifest = dsl.newRecord(MANIFESTS);
        manifest.setDatasetVersionId(version.getId());
        manifest.setContentHash(MessageDigest.getInstance("SHA-256").digest("body".getBytes(StandardCharsets.UTF_8)));
        manifest.setBody(JSONB.valueOf("{\"tables\": [\"orders\"]}"));
        manifest.store();
        PhysicalTablesRecord physical = dsl.newRecord(PHYSICAL_TABLES);
        physical.setDatasetVersionId(version.getId());
        physical.setTableName("orders");
        physical.store();
        TableRevisionsRecord revision = dsl.newRecord(TABLE_REVISIONS);
        revision.setPhysicalTableId(physical.getId());
        revision.setRevisionNumber(1);
        revision.setLocation("s3://bucket/sales/orders/1.4.0/orders/r1/");
        revision.setActive(true);
        revision.store();
        FilesRecord file = dsl.newRecord(FILES);
        file.setTableRevisionId(revision.getId());
        file.setPath("part-0000.parquet");
        file.setSizeBytes(1_048_576L);
        file.setRowCount(10_000L);
        file.store();
        FileLeasesRecord lease = dsl.newRecord(FILE_LEASES);
        lease.setFileId(file.getId());
        lease.setLeaseHolder("reader-1");
        lease.setAcquiredAt(T0);
        lease.setExpiresAt(T0.plusMinutes(5));
        lease.setWorkerId(worker.getId());
        lease.store();
        JobsRecord job = dsl.newRecord(JOBS);
        job.setDescriptor(JSONB.valueOf("{\"kind\": \"extract\"}"));
        job.setWorkerId(worker.getId());
        job.store();
        ExtractionProgressRecord progress = dsl.newRecord(EXTRACTION_PROGRESS);
        progress.setJobId(job.getId());
        progress.setTableRevisionId(revision.getId());
        progress.setBlockRange(LongRange.longRange(100L, 250L));
        progress.store();

        // Read everything back through the generated types.
        WorkersRecord readWorker = dsl.selectFrom(WORKERS).where(WORKERS.NODE_ID.eq("node-a")).fetchSingle();
        assertThat(readWorker.getHostname()).isEqualTo("Worker-A.example");
        assertThat(readWorker.getSoftwareVersion()).isEqualTo("3.2.1+build.45");
        assertThat(readWorker.getLastHeartbeatAt()).as("kept current by the heartbeat trigger")
                .isAfterOrEqualTo(T0);
        assertThat(dsl.fetchSingle(WORKER_HEARTBEATS, WORKER_HEARTBEATS.ID.eq(heartbeat.getId())).getObservedAt())
                .isEqualTo(T0);
        assertThat(dsl.fetchSingle(NAMESPACES, NAMESPACES.ID.eq(namespace.getId())).getDescription())
                .isEqualTo("Sales team");
        assertThat(dsl.fetchSingle(DATASETS, DATASETS.ID.eq(dataset.getId())).getName()).isEqualTo("orders");
        DatasetVersionsRecord readVersion = dsl.fetchSingle(DATASET_VERSIONS, DATASET_VERSIONS.ID.eq(version.getId()));
        assertThat(readVersion.getVersion()).isEqualTo("1.4.0");
        assertThat(readVersion.getStatus()).as("column default").isEqualTo("draft");
        assertThat(dsl.fetchSingle(MANIFESTS, MANIFESTS.ID.eq(manifest.getId())).getContentHash())
                .hasSize(32).isEqualTo(manifest.getContentHash());
        assertThat(dsl.fetchSingle(PHYSICAL_TABLES, PHYSICAL_TABLES.ID.eq(physical.getId())).getTableName())
                .isEqualTo("orders");
        TableRevisionsRecord readRevision = dsl.fetchSingle(TABLE_REVISIONS, TABLE_REVISIONS.ID.eq(revision.getId()));
        assertThat(readRevision.getActive()).isTrue();
        assertThat(readRevision.getRevisionNumber()).isEqualTo(1);
        FilesRecord readFile = dsl.fetchSingle(FILES, FILES.ID.eq(file.getId()));
        assertThat(readFile.getSizeBytes()).isEqualTo(1_048_576L);
        assertThat(readFile.getMetadata()).as("jsonb default '{}'").isEqualTo(JSONB.valueOf("{}"));
        assertThat(readFile.getMarkedForDeletionAt()).isNull();
        FileLeasesRecord readLease = dsl.fetchSingle(FILE_LEASES, FILE_LEASES.ID.eq(lease.getId()));
        assertThat(readLease.getExpiresAt()).isEqualTo(T0.plusMinutes(5));
        assertThat(readLease.getWorkerId()).isEqualTo(worker.getId());
        Jobs readJob = dsl.selectFrom(JOBS).where(JOBS.ID.eq(job.getId())).fetchSingleInto(Jobs.class);
        assertThat(readJob.status()).as("enum default").isEqualTo(JobStatus.scheduled);
        assertThat(readJob.retryCount()).isZero();
        JobEventsRecord created = dsl.fetchSingle(JOB_EVENTS, JOB_EVENTS.JOB_ID.eq(job.getId()));
        assertThat(created.getEventType()).as("written by trg_jobs_record_status_change").isEqualTo("created");
        ExtractionProgressRecord readProgress = dsl.fetchSingle(EXTRACTION_PROGRESS,
                EXTRACTION_PROGRESS.ID.eq(progress.getId()));
        assertThat(readProgress.getBlockRange()).isEqualTo(LongRange.longRange(100L, 250L));
        assertThat(readProgress.getBlockRange().lower()).isEqualTo(100L);
        assertThat(readProgress.getBlockRange().upper()).isEqualTo(250L);
        assertThat(readProgress.getBlockCount()).as("generated column upper - lower").isEqualTo(150L);

        // Implicit path joins follow the foreign keys all the way from a job to its dataset's namespace.
        assertThat(dsl.select(EXTRACTION_PROGRESS.tableRevisions().physicalTables().datasetVersions().datasets()
                        .namespaces().NAME)
                .from(EXTRACTION_PROGRESS).where(EXTRACTION_PROGRESS.JOB_ID.eq(job.getId())).fetchSingle().value1())
                .isEqualTo("sales");

        for (Table<?> table : Public.PUBLIC.getTables()) {
            assertThat(dsl.fetchCount(table)).as("rows written to " + table.getName()).isPositive();
        }
    }

    @Test
    void everyJobStatusRoundTripsThroughTheEnum() {
        assertThat(JobStatus.values()).extracting(JobStatus::getLiteral)
                .containsExactly("scheduled", "running", "succeeded", "failed", "cancelled");
        for (JobStatus status : JobStatus.values()) {
            JobsRecord job = dsl.newRecord(JOBS);
            job.setStatus(status);
            job.setDescriptor(JSONB.valueOf("{\"kind\": \"status-" + status.getLiteral() + "\"}"));
            job.setCancellationReason(status == JobStatus.cancelled ? "superseded by job 42 -- duplicate" : null);
            job.store();
            assertThat(dsl.select(JOBS.STATUS).from(JOBS).where(JOBS.ID.eq(job.getId())).fetchSingle().value1())
                    .isEqualTo(status);
            assertThat(dsl.fetchCount(JOBS, JOBS.STATUS.eq(status).and(JOBS.ID.eq(job.getId())))).isEqualTo(1);
        }
    }

    @Test
    void statusUpdatesFireTheLifecycleTriggers() {
        JobsRecord job = dsl.newRecord(JOBS);
        job.setDescriptor(JSONB.valueOf("{\"kind\": \"extract\"}"));
        job.store();
        dsl.update(JOBS).set(JOBS.STATUS, JobStatus.running).where(JOBS.ID.eq(job.getId())).execute();
        job.refresh();
        assertThat(job.getStatus()).isEqualTo(JobStatus.running);
        assertThat(job.getStartedAt()).as("stamped by trg_jobs_set_lifecycle_timestamps").isNotNull();
        String to = dsl.select(jsonbGetAttributeAsText(JOB_EVENTS.PAYLOAD, "to")).from(JOB_EVENTS)
                .where(JOB_EVENTS.JOB_ID.eq(job.getId()), JOB_EVENTS.EVENT_TYPE.eq("status_changed"))
                .fetchSingle().value1();
        assertThat(to).isEqualTo("running");
    }

    @Test
    void jsonbColumnsRoundTrip() {
        String descriptor = "{\"kind\": \"extract\", \"tables\": [\"orders\", \"lines\"], \"limits\": {\"rows\": 1000},"
                + " \"note\": \"ünïcödé ✓\", \"enabled\": true, \"ratio\": 0.25, \"missing\": null}";
        JobsRecord job = dsl.newRecord(JOBS);
        job.setDescriptor(JSONB.valueOf(descriptor));
        job.store();
        JSONB read = dsl.select(JOBS.DESCRIPTOR).from(JOBS).where(JOBS.ID.eq(job.getId())).fetchSingle().value1();
        assertThat(read).as("semantically equal (PostgreSQL reorders keys)").isEqualTo(JSONB.valueOf(descriptor));
        assertThat(dsl.select(jsonbGetAttributeAsText(JOBS.DESCRIPTOR, "note")).from(JOBS)
                .where(JOBS.ID.eq(job.getId())).fetchSingle().value1()).isEqualTo("ünïcödé ✓");
        assertThat(dsl.fetchCount(JOBS, jsonbGetAttributeAsText(JOBS.DESCRIPTOR, "kind").eq("extract")
                .and(JOBS.ID.eq(job.getId())))).isEqualTo(1);

        WorkersRecord worker = dsl.newRecord(WORKERS);
        worker.setNodeId("node-json");
        worker.setHostname("h");
        worker.setSoftwareVersion("1");
        worker.store();
        worker.refresh();
        assertThat(worker.getLabels()).as("default '{}'").isEqualTo(JSONB.valueOf("{}"));
        worker.setLabels(JSONB.valueOf("{\"gpu\": \"true\", \"zone\": \"eu-west-1a\"}"));
        worker.store();
        assertThat(dsl.fetchSingle(WORKERS, WORKERS.ID.eq(worker.getId())).getLabels())
                .isEqualTo(JSONB.valueOf("{\"zone\": \"eu-west-1a\", \"gpu\": \"true\"}"));
        assertThatThrownBy(() -> dsl.update(WORKERS).set(WORKERS.LABELS, JSONB.valueOf("[1, 2]"))
                .where(WORKERS.ID.eq(worker.getId())).execute())
                .as("ck_workers_labels_is_object is enforced by the database, not by the generated code")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("ck_workers_labels_is_object");
    }

    @Test
    void generatedColumnIsAPlainFieldSoWritingItFailsInTheDatabase() {
        // What docs/codegen.md says: block_count is an ordinary Long field; only PostgreSQL rejects a value for it.
        long job = dsl.insertInto(JOBS).set(JOBS.DESCRIPTOR, JSONB.valueOf("{\"kind\": \"extract\"}"))
                .returning(JOBS.ID).fetchSingle().getId();
        long revision = newRevision(dsl, "generated");
        assertThatThrownBy(() -> dsl.insertInto(EXTRACTION_PROGRESS)
                .set(EXTRACTION_PROGRESS.JOB_ID, job)
                .set(EXTRACTION_PROGRESS.TABLE_REVISION_ID, revision)
                .set(EXTRACTION_PROGRESS.BLOCK_RANGE, LongRange.longRange(0L, 10L))
                .set(EXTRACTION_PROGRESS.BLOCK_COUNT, 10L)
                .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("block_count");
    }

    /** A namespace, dataset, version, physical table and revision; returns the revision's id. */
    static long newRevision(DSLContext dsl, String name) {
        long namespace = dsl.insertInto(NAMESPACES).set(NAMESPACES.NAME, name).returning(NAMESPACES.ID)
                .fetchSingle().getId();
        long dataset = dsl.insertInto(DATASETS).set(DATASETS.NAMESPACE_ID, namespace).set(DATASETS.NAME, name)
                .returning(DATASETS.ID).fetchSingle().getId();
        long version = dsl.insertInto(DATASET_VERSIONS).set(DATASET_VERSIONS.DATASET_ID, dataset)
                .set(DATASET_VERSIONS.VERSION, "1.0.0").returning(DATASET_VERSIONS.ID).fetchSingle().getId();
        long physical = dsl.insertInto(PHYSICAL_TABLES).set(PHYSICAL_TABLES.DATASET_VERSION_ID, version)
                .set(PHYSICAL_TABLES.TABLE_NAME, name).returning(PHYSICAL_TABLES.ID).fetchSingle().getId();
        return dsl.insertInto(TABLE_REVISIONS).set(TABLE_REVISIONS.PHYSICAL_TABLE_ID, physical)
                .set(TABLE_REVISIONS.REVISION_NUMBER, 1).set(TABLE_REVISIONS.LOCATION, "s3://bucket/" + name + "/")
                .returning(TABLE_REVISIONS.ID).fetchSingle().getId();
    }
}
