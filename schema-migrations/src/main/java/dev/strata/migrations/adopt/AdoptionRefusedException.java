package dev.strata.migrations.adopt;

import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** Adoption found a state it must not record: nothing was written. The front end maps it to exit code 4. */
public final class AdoptionRefusedException extends StrataException {

    private AdoptionRefusedException(String message, String hint) {
        super(message, hint);
    }

    /** The refusals and edited files of {@code plan}, each on its own line with its fix. */
    public static AdoptionRefusedException of(AdoptionPlan plan) {
        StringBuilder message = new StringBuilder("adoption refused, nothing was recorded:");
        for (AdoptionPlan.Refusal refusal : plan.refusals()) {
            message.append("\n  - ").append(refusal.message()).append("\n    fix: ").append(refusal.fix());
        }
        for (AdoptionPlan.EditedFile file : plan.edited()) {
            message.append("\n  - edited after ").append(plan.tool()).append(" applied it: ")
                    .append(file.describe(plan.tool()));
        }
        String hint = plan.edited().isEmpty() ? "apply each fix above, then run `strata adopt` again"
                : "restore each edited file as it was applied (e.g. from version control), or pass --accept-edited to"
                + " record the files as they are now";
        return new AdoptionRefusedException(message.toString(), hint);
    }

    /** There is no history of {@code tool} to adopt. */
    static AdoptionRefusedException noTable(SourceTool tool, SchemaTable table) {
        return new AdoptionRefusedException("adoption refused: there is no table " + table + " (" + tool.displayName()
                + "'s history table)", "name " + tool.displayName() + "'s history table with --table [SCHEMA.]TABLE ("
                + tool.tableSetting() + ")");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}
