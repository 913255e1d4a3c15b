package dev.strata.migrations;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** {@code strata baseline} on a database whose history already has rows. */
public final class BaselineRefusedException extends StrataException {
    public BaselineRefusedException(String historyTable, int rows) {
        super("baseline refused: the history table " + historyTable + " already has " + rows
                        + (rows == 1 ? " row" : " rows") + "; a baseline adopts a database that Strata has never migrated",
                "run `strata status` to see what is recorded; use baseline only on a database without Strata history");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}
