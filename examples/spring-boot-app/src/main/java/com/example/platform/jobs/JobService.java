package com.example.platform.jobs;

import com.example.platform.schema.enums.JobStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Schedules extraction jobs and starts them; the schema's triggers stamp and log each transition. */
@Service
public class JobService {
    private final JobRepository jobs;

    public JobService(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Transactional
    public long scheduleExtraction(String table, String idempotencyKey) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("table '" + table + "' is not a plain lower-case identifier");
        }
        return jobs.insert("{\"kind\": \"extract\", \"table\": \"" + table + "\"}", idempotencyKey);
    }

    /** @throws IllegalStateException when the job is not scheduled (already started, finished or unknown) */
    @Transactional
    public void start(long jobId) {
        if (!jobs.transition(jobId, JobStatus.scheduled, JobStatus.running)) {
            throw new IllegalStateException("job " + jobId + " is not scheduled");
        }
    }

    public List<Long> scheduled() {
        return jobs.withStatus(JobStatus.scheduled);
    }
}
