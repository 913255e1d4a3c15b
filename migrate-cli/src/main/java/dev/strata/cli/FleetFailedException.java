package dev.strata.cli;

import dev.strata.migrations.core.StrataException;

/** Some targets of a fleet run failed; the summary above names them. Carries the exit code the run ends with. */
final class FleetFailedException extends StrataException {
    private final ExitCode exitCode;

    FleetFailedException(String message, String hint, ExitCode exitCode) {
        super(message, hint);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
