package dev.strata.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.strata.cli.ExceptionExitCodes;
import dev.strata.cli.ExitCode;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.execute.ConnectionLostException;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.SqlFailure;
import dev.strata.migrations.plan.UndoRefusedException;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code error} object of a failed command's JSON document: the same facts as the "error:/fix:" text. The keys of
 * a failed statement ({@code sqlFailure}) or a lost connection ({@code connectionLost}) follow {@code exitMeaning} in
 * the same object, and only for that error; {@code missingUndoFiles} only when an undo lacks its files.
 */
record JsonError(String type, String message, String hint, int exitCode, String exitMeaning,
                 @JsonUnwrapped SqlFailureValue sqlFailure, @JsonUnwrapped ConnectionLostValue connectionLost,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<String> missingUndoFiles) {

    static JsonError of(Exception error, ExitCode code) {
        return new JsonError(type(error),
                error instanceof StrataException || error instanceof UncheckedIOException
                        || error instanceof CommandLine.ParameterException ? error.getMessage() : "unexpected " + error,
                error instanceof StrataException strata ? strata.hint() : "",
                code.code(), ExceptionExitCodes.wording(error, code),
                error instanceof MigrationFailedException failed ? SqlFailureValue.of(failed) : null,
                error instanceof ConnectionLostException lost ? ConnectionLostValue.of(lost) : null,
                error instanceof UndoRefusedException refused && !refused.missingUndoFiles().isEmpty()
                        ? List.copyOf(refused.missingUndoFiles()) : null);
    }

    /**
     * A stable name for the kind of error, derived from the exception type so that a new error type gets one
     * without a list to keep up to date: {@code MigrationFailedException} becomes {@code migration_failed}.
     */
    static String type(Exception error) {
        if (error instanceof StrataException) {
            String name = error.getClass().getSimpleName().replaceFirst("Exception$", "");
            return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
        if (error instanceof CommandLine.ParameterException) {
            return "usage";
        }
        return error instanceof UncheckedIOException ? "io" : "unexpected";
    }

    /**
     * Where and why the statement failed, in the file's terms. PostgreSQL's own hint is {@code serverHint}, because
     * {@code hint} is Strata's advice on what to do next, as on every error.
     */
    record SqlFailureValue(String script, String path, String version, int line, int column, String sqlState,
                           String serverMessage, String detail, String serverHint, String where, String statement,
                           int statementLine, boolean transactional, int appliedBeforeFailure) {
        static SqlFailureValue of(MigrationFailedException failed) {
            SqlFailure failure = failed.failure();
            return new SqlFailureValue(failure.script(), failure.path(), JsonValues.text(failure.id().versionNumber()),
                    failure.line(), failure.column(), failure.sqlState(), failure.message(), failure.detail(),
                    failure.hint(), failure.where(), failure.statement(), failure.statementLine(),
                    failed.transactional(), failed.appliedBeforeFailure());
        }
    }

    /** The file whose run lost its connection, and in which phase: the outcome in the database is unknown. */
    record ConnectionLostValue(String script, String version, String phase, int appliedBeforeFailure) {
        static ConnectionLostValue of(ConnectionLostException lost) {
            return new ConnectionLostValue(lost.script(), JsonValues.text(lost.id().versionNumber()),
                    lost.phase().name().toLowerCase(Locale.ROOT), lost.appliedBeforeFailure());
        }
    }
}
