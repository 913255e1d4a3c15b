package dev.strata.migrations;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

import java.util.List;

/**
 * {@code migrate} found objects but no history table: the database was built by hand or by another tool, and
 * running the files from the first would re-create (or fail on) what is there. Nothing was changed. A configuration
 * error: the way forward is to say how Strata takes the database over.
 */
public final class NonEmptySchemaException extends StrataException {
    public NonEmptySchemaException(String historyTable, List<String> schemas, int total, List<String> shown) {
        super("refusing to migrate: " + String.join(", ", schemas) + (schemas.size() == 1 ? " holds " : " hold ")
                        + total + (total == 1 ? " object" : " objects") + " (" + String.join(", ", shown)
                        + (total > shown.size() ? ", …" : "") + ") but there is no Strata history table "
                        + historyTable + ": the database was built by hand or by another tool",
                "to take it over, record the version it is at with `strata baseline <version>` (or, for a database"
                        + " another tool migrated, `strata adopt --from <tool>` where available), then migrate; if the"
                        + " files are meant to run on it from the first one, set migrations.allow_non_empty = true"
                        + " (STRATA_MIGRATIONS__ALLOW_NON_EMPTY=true)");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
