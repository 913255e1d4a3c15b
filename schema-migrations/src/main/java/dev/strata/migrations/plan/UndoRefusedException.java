package dev.strata.migrations.plan;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

import java.util.List;

/**
 * {@code strata undo} refused before running anything: an undo file is missing or cannot run, the versions to undo
 * reach a baseline, or {@code --to} names a version newer than the newest applied one.
 */
public final class UndoRefusedException extends StrataException {
    private final List<String> missingUndoFiles;

    private UndoRefusedException(String message, String hint, List<String> missingUndoFiles) {
        super(message, hint);
        this.missingUndoFiles = List.copyOf(missingUndoFiles);
    }

    /**
     * @param missing  the expected names of the undo files that do not exist, e.g. {@code U3__add_email.sql}
     * @param unusable messages for undo files that exist but cannot run (unparseable, bad directive, ...)
     */
    static UndoRefusedException unusableFiles(List<String> missing, List<String> unusable) {
        StringBuilder message = new StringBuilder("undo refused, nothing was undone:");
        if (!missing.isEmpty()) {
            message.append(missing.size() == 1 ? " an undo file is missing: " : " undo files are missing: ")
                    .append(String.join(", ", missing));
        }
        for (String reason : unusable) {
            message.append("\n  ").append(reason);
        }
        String hint = missing.isEmpty() ? "fix the undo files, then run `strata undo` again"
                : "add " + String.join(", ", missing) + " next to the migration it undoes, with the statements that"
                + " revert it, then run `strata undo` again";
        return new UndoRefusedException(message.toString(), hint, missing);
    }

    static UndoRefusedException baseline(String what) {
        return new UndoRefusedException("undo refused, nothing was undone: " + what,
                "a baseline adopts a schema that no file created, so there is nothing to undo below it; "
                        + "undo to the baseline version at most (`strata undo --to <baseline version>`)", List.of());
    }

    static UndoRefusedException notApplied(String what) {
        return new UndoRefusedException("undo refused, nothing was undone: " + what,
                "run `strata status` to see the applied versions", List.of());
    }

    /** The expected names of the missing undo files, in the order they would have run; empty for other refusals. */
    public List<String> missingUndoFiles() {
        return missingUndoFiles;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}
