package dev.strata.cli;

import dev.strata.migrations.core.StrataException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Prints a failed command's error to stderr: what went wrong and what to do next, no stack trace for errors a user
 * can fix (set {@code STRATA_DEBUG=1} to see one).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        ExitCode code = ExceptionExitCodes.of(error);
        if (error instanceof StrataException strata) {
            err.println("error: " + strata.getMessage());
            if (!strata.hint().isEmpty()) {
                err.println("fix: " + strata.hint());
            }
        } else if (error instanceof UncheckedIOException io) {
            err.println("error: " + io.getMessage());
        } else {
            err.println("error: unexpected " + error);
        }
        if (debug || !(error instanceof StrataException || error instanceof UncheckedIOException)) {
            error.printStackTrace(err);
        }
        err.println("exit code " + code.code() + ": " + code.meaning());
        err.flush();
        return code.code();
    }
}
