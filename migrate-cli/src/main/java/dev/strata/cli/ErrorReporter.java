package dev.strata.cli;

import dev.strata.cli.output.JsonCapable;
import dev.strata.cli.output.SecretMasker;
import dev.strata.migrations.core.StrataException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Prints a failed command's error to stderr: what went wrong and what to do next, no stack trace for errors a user
 * can fix (set {@code STRATA_DEBUG=1} to see one). With {@code --output json}, stdout also gets the command's JSON
 * document, completed with the error, so it carries one document whatever happened.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final boolean debug;
    private final SecretMasker masker;

    ErrorReporter(boolean debug, SecretMasker masker) {
        this.debug = debug;
        this.masker = masker;
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
            err.println("error: unexpected " + error + (debug ? "" : " (STRATA_DEBUG=1 shows the stack trace)"));
        }
        if (debug) {
            error.printStackTrace(err);
        }
        err.println("exit code " + code.code() + ": " + ExceptionExitCodes.wording(error, code));
        err.flush();
        printJson(commandLine, error, code);
        return code.code();
    }

    /**
     * A usage error (unknown option, bad value). picocli reports unmatched arguments after the whole line is parsed,
     * so {@code --output json} anywhere on it has been seen and the JSON document is printed too; a bad value of
     * {@code --output} itself leaves the text mode.
     */
    @Override
    public int handleParseException(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("fix: see `strata help" + (commandLine.getParent() == null ? "" : " " + commandLine.getCommandName())
                + "`");
        err.println("exit code " + ExitCode.USAGE.code() + ": " + ExitCode.USAGE.meaning());
        err.flush();
        printJson(commandLine, error, ExitCode.USAGE);
        return ExitCode.USAGE.code();
    }

    /** The command that failed (a subcommand's own CommandLine) knows whether it was asked for JSON. */
    private void printJson(CommandLine commandLine, Exception error, ExitCode code) {
        if (commandLine.getCommand() instanceof JsonCapable command) {
            command.jsonReport().ifPresent(report -> report.failed(error, code).print(commandLine.getOut(), masker));
        }
    }
}
