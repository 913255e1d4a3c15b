package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.output.JsonCapable;
import dev.strata.cli.output.JsonReport;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What every database command shares: the connection and output options, the JSON document it builds, and opening
 * the session. One level of inheritance, no more; each command keeps its own {@code call()}.
 */
public abstract class DatabaseCommand implements Callable<Integer>, JsonCapable {
    /** The outside world, given by {@link dev.strata.cli.CommandFactory}. */
    final CliContext context;

    @Mixin
    public ConnectionOptions connection;

    @Mixin
    public OutputOptions output;

    @Mixin
    HelpOption help;

    public final JsonReport report;

    DatabaseCommand(String name, CliContext context) {
        this.report = new JsonReport(name);
        this.context = context;
    }

    /** The outside world this command runs in. */
    public final CliContext context() {
        return context;
    }

    @Override
    public final Optional<JsonReport> jsonReport() {
        return output.whenJson(report);
    }

    /** How the result is shown: text, or the JSON document, from the same values. */
    public final Renderer renderer() {
        return output.renderer(report, context);
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
