package dev.strata.cli.fleet;

import dev.strata.cli.ExitCode;
import dev.strata.migrations.core.StrataException;

/** Some targets of a fleet run failed; the summary above names them. Carries the exit code the run ends with. */
public final class FleetFailedException extends StrataException {
    private final ExitCode exitCode;

    FleetFailedException(String message, String hint, ExitCode exitCode) {
        super(message, hint);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
