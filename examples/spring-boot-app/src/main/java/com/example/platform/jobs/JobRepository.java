package com.example.platform.jobs;

import com.example.platform.schema.enums.JobStatus;
import com.example.platform.schema.tables.records.JobsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static com.example.platform.schema.Tables.JOBS;
import static com.example.platform.schema.Tables.JOB_EVENTS;

/** Jobs and their events, through the generated classes. */
@Repository
public class JobRepository {
    private final DSLContext dsl;

    public JobRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts a scheduled job; the identity comes back. */
    public long insert(String descriptorJson, String idempotencyKey) {
        return dsl.insertInto(JOBS).set(JOBS.DESCRIPTOR, JSONB.valueOf(descriptorJson))
                .set(JOBS.IDEMPOTENCY_KEY, idempotencyKey)
                .returningResult(JOBS.ID).fetchSingle().value1();
    }

    public Optional<JobsRecord> find(long id) {
        return dsl.selectFrom(JOBS).where(JOBS.ID.eq(id)).fetchOptional();
    }

    /** Moves a job from one status to another; false when it was not in {@code from}. */
    public boolean transition(long id, JobStatus from, JobStatus to) {
        return dsl.update(JOBS).set(JOBS.STATUS, to).where(JOBS.ID.eq(id).and(JOBS.STATUS.eq(from))).execute() == 1;
    }

    public List<Long> withStatus(JobStatus status) {
        return dsl.select(JOBS.ID).from(JOBS).where(JOBS.STATUS.eq(status)).orderBy(JOBS.ID).fetch(JOBS.ID);
    }

    public int eventCount(long jobId) {
        return dsl.fetchCount(JOB_EVENTS, JOB_EVENTS.JOB_ID.eq(jobId));
    }
}
