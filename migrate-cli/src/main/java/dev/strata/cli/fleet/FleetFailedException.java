package dev.strata.cli.fleet;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** Some targets of a fleet run failed; the summary above names them. Carries the kind the run ends with. */
public final class FleetFailedException extends StrataException {
    private final ErrorKind kind;

    public FleetFailedException(String message, String hint, ErrorKind kind) {
        super(message, hint);
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
