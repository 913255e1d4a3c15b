package com.example.platform.jobs;

import com.example.platform.schema.enums.JobStatus;
import com.example.platform.schema.tables.records.JobsRecord;
import dev.strata.spring.test.StrataDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// The whole application context on a database migrated from the example system's migrations (embedded PostgreSQL):
// Strata verified it against the generated SchemaVersion before the repository's DSLContext was created.
@SpringBootTest
@StrataDatabase
class JobServiceTest {
    @Autowired
    private JobService service;
    @Autowired
    private JobRepository jobs;

    @Test
    void startingAScheduledJobStampsItAndLogsBothTransitions() {
        long id = service.scheduleExtraction("orders", "extract-orders-2026-12-02");
        assertThat(service.scheduled()).contains(id);

        service.start(id);

        JobsRecord job = jobs.find(id).orElseThrow();
        assertThat(job.getStatus()).isEqualTo(JobStatus.running);
        assertThat(job.getStartedAt()).isNotNull();                 // the migrations' trigger
        assertThat(jobs.eventCount(id)).isEqualTo(2);               // created, status_changed
        assertThat(service.scheduled()).doesNotContain(id);
    }

    @Test
    void aJobStartsOnlyOnce() {
        long id = service.scheduleExtraction("customers", "extract-customers-2026-12-02");
        service.start(id);

        assertThatThrownBy(() -> service.start(id)).isInstanceOf(IllegalStateException.class)
                .hasMessage("job " + id + " is not scheduled");
    }
}
