package dev.strata.migrations.drift;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** The database's schema differs from the schema its applied migrations produce: someone changed it by hand. */
public final class DriftDetectedException extends StrataException {
    private final DriftReport report;

    public DriftDetectedException(String database, DriftReport report) {
        super("the schema of " + database + " has drifted from its migrations: " + report.diff().summary(),
                "each difference is listed with both sides; turn an intended change into a migration (and apply it),"
                        + " or revert it; `strata diff` exits 0 once the database matches its migrations");
        this.report = report;
    }

    public DriftReport report() {
        return report;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}
