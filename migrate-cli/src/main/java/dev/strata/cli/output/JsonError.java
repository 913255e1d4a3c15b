package dev.strata.cli.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.ExceptionExitCodes;
import dev.strata.cli.ExitCode;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.execute.ConnectionLostException;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.SqlFailure;
import dev.strata.migrations.plan.UndoRefusedException;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.util.Locale;

/** The {@code error} object of a failed command's JSON document: the same facts as the "error:/fix:" text. */
final class JsonError {
    private JsonError() {
    }

    static ObjectNode of(Exception error, ExitCode code) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type(error));
        node.put("message", error instanceof StrataException || error instanceof UncheckedIOException
                || error instanceof CommandLine.ParameterException ? error.getMessage() : "unexpected " + error);
        node.put("hint", error instanceof StrataException strata ? strata.hint() : "");
        node.put("exitCode", code.code());
        node.put("exitMeaning", ExceptionExitCodes.wording(error, code));
        if (error instanceof MigrationFailedException failed) {
            sqlFailure(node, failed);
        }
        if (error instanceof ConnectionLostException lost) {
            node.put("script", lost.script());
            node.put("version", JsonValues.text(lost.id().versionNumber()));
            node.put("phase", lost.phase().name().toLowerCase(Locale.ROOT));
            node.put("appliedBeforeFailure", lost.appliedBeforeFailure());
        }
        if (error instanceof UndoRefusedException refused && !refused.missingUndoFiles().isEmpty()) {
            refused.missingUndoFiles().forEach(node.putArray("missingUndoFiles")::add);
        }
        return node;
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
    private static void sqlFailure(ObjectNode node, MigrationFailedException failed) {
        SqlFailure failure = failed.failure();
        node.put("script", failure.script());
        node.put("path", failure.path());
        node.put("version", JsonValues.text(failure.id().versionNumber()));
        node.put("line", failure.line());
        node.put("column", failure.column());
        node.put("sqlState", failure.sqlState());
        node.put("serverMessage", failure.message());
        node.put("detail", failure.detail());
        node.put("serverHint", failure.hint());
        node.put("where", failure.where());
        node.put("statement", failure.statement());
        node.put("statementLine", failure.statementLine());
        node.put("transactional", failed.transactional());
        node.put("appliedBeforeFailure", failed.appliedBeforeFailure());
    }
}
