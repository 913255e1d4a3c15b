package com.example.platform.jobs;

import com.example.platform.Documentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Testing with Strata" example is {@link JobQueueTest} as it is compiled and run here, imports included. */
class JobQueueDocumentationTest {
    private static final String SOURCE = "examples/data-platform/src/test/java/com/example/platform/jobs/JobQueueTest.java";

    @Test
    void theDocumentationShowsExactlyTheTestThatRuns() throws IOException {
        String source = Documentation.read(SOURCE);
        String tested = source.substring(source.indexOf("\nimport ") + 1).strip();
        assertThat(Documentation.block(SOURCE).strip()).isEqualTo(tested);
    }
}
