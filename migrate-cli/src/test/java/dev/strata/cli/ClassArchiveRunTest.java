package dev.strata.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClassArchiveRunTest {
    @TempDir
    Path directory;

    @AfterEach
    void clear() {
        System.clearProperty(ClassArchiveRun.SUCCESS_PROPERTY);
    }

    @Test
    void aSuccessfulRunCreatesTheFileTheLauncherNamed() {
        Path marker = directory.resolve("strata-1-2.jsa.42.ok");
        System.setProperty(ClassArchiveRun.SUCCESS_PROPERTY, marker.toString());

        ClassArchiveRun.recordOutcome(0);

        assertThat(marker).exists();
    }

    @Test
    void aFailedRunCreatesNothing() {
        Path marker = directory.resolve("strata-1-2.jsa.43.ok");
        System.setProperty(ClassArchiveRun.SUCCESS_PROPERTY, marker.toString());

        ClassArchiveRun.recordOutcome(1);

        assertThat(marker).doesNotExist();
    }

    @Test
    void withoutTheLauncherNothingIsWritten() {
        ClassArchiveRun.recordOutcome(0);

        assertThat(directory).isEmptyDirectory();
    }
}
