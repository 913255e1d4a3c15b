package dev.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher (bin/strata) has the first database command of an installation write a class-data-sharing archive at
 * exit, and keeps it only when that command succeeded: a run that failed early loaded too few classes to be worth
 * mapping on every later start. It names a file by {@value #SUCCESS_PROPERTY}; this creates it on exit code 0.
 */
final class ClassArchiveRun {
    static final String SUCCESS_PROPERTY = "strata.cds.success";

    private ClassArchiveRun() {
    }

    static void recordOutcome(int exitCode) {
        String file = System.getProperty(SUCCESS_PROPERTY, "");
        if (exitCode != 0 || file.isBlank()) {
            return;
        }
        try {
            Files.createFile(Path.of(file));
        } catch (IOException | RuntimeException e) {
            // Only an optimisation is lost: without the file the launcher discards this archive and writes another.
            return;
        }
    }
}
