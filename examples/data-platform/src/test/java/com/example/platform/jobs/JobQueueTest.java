package com.example.platform.jobs;

import com.example.platform.schema.enums.JobStatus;
import com.example.platform.schema.tables.records.JobsRecord;
import dev.strata.testing.MigratedDatabase;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static com.example.platform.schema.Tables.JOBS;
import static com.example.platform.schema.Tables.JOB_EVENTS;
import static dev.strata.testing.StrataAssertions.assertSchemaMatchesMigrations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

// A real PostgreSQL migrated from classpath:db/migration; each test gets its own copy of the migrated database.
@MigratedDatabase
class JobQueueTest {

    @Test
    void startingAJobStampsItAndLogsTheTransition(DSLContext dsl) {
        JobsRecord job = dsl.newRecord(JOBS);
        job.setDescriptor(JSONB.valueOf("{\"kind\": \"extract\", \"table\": \"orders\"}"));
        job.setIdempotencyKey("extract-orders-2026-11-22");
        job.store();                                        // status defaults to 'scheduled'

        dsl.update(JOBS).set(JOBS.STATUS, JobStatus.running).where(JOBS.ID.eq(job.getId())).execute();

        job.refresh();
        assertNotNull(job.getStartedAt());                  // stamped by the migrations' trigger
        assertEquals(2, dsl.fetchCount(JOB_EVENTS, JOB_EVENTS.JOB_ID.eq(job.getId())));   // created, status_changed
    }

    @Test
    void everyTestStartsFromTheMigratedSchema(DSLContext dsl) {
        assertEquals(0, dsl.fetchCount(JOBS));              // the other test's job is not here, whatever the order
    }

    @Test
    void theSchemaIsWhatTheMigrationsMake(DataSource dataSource) {
        assertSchemaMatchesMigrations(dataSource);          // names each object changed by hand
    }
}
