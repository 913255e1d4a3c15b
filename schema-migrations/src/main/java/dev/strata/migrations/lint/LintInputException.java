package dev.strata.migrations.lint;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** A file's lint directive is malformed or names a rule that does not exist; nothing was replayed past it. */
public final class LintInputException extends StrataException {
    public LintInputException(String message, String hint) {
        super(message, hint);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}
