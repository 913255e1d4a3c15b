package dev.strata.codegen;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** Code generation could not run: bad arguments, unusable migrations, or a failing database or generator. */
public final class CodegenException extends StrataException {
    public CodegenException(String message, String hint) {
        super(message, hint);
    }

    public CodegenException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.GENERATION_FAILED;
    }
}
