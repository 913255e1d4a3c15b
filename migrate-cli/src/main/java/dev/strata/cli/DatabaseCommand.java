package dev.strata.cli;

import dev.strata.migrations.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What every database command shares: the connection and output options, the JSON document it builds, and opening
 * the session. One level of inheritance, no more; each command keeps its own {@code call()}.
 */
abstract class DatabaseCommand implements Callable<Integer>, JsonCapable {
    @ParentCommand
    StrataCommand strata;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Mixin
    HelpOption help;

    final JsonReport report;

    DatabaseCommand(String name) {
        this.report = new JsonReport(name);
    }

    @Override
    public final Optional<JsonReport> jsonReport() {
        return output.whenJson(report);
    }

    /** A version given as an option's value; a malformed one is a usage error (exit 2) naming the option. */
    final Version versionOption(String option, String value) {
        try {
            return Version.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + ": " + e.getMessage());
        }
    }

    /** Opens the configured (or embedded) database and records it in the JSON document. */
    final DatabaseSession openSession(CliContext context) {
        DatabaseSession session = DatabaseSession.open(connection, context);
        report.database(session.description());
        return session;
    }
}
