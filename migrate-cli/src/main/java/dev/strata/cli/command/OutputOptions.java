package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.output.JsonReport;
import dev.strata.cli.output.Renderer;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The {@code --output} option of every database command, declared once and mixed into each. Text is for people;
 * JSON is one document on stdout for programs, with the same facts.
 */
public final class OutputOptions {
    /** Matched case-insensitively (see {@link dev.strata.cli.StrataMain}), so {@code --output json} works. */
    enum Format {
        TEXT, JSON
    }

    @Option(names = "--output", paramLabel = "FORMAT",
            description = "text (default) or json: exactly one JSON document on stdout, also when the command "
                    + "fails (then with \"ok\": false and an \"error\" object). Errors are still described on stderr.")
    private Format format = Format.TEXT;

    private boolean json() {
        return format == Format.JSON;
    }

    /** The renderer of the format asked for, writing to stdout; the JSON one completes {@code report}. */
    Renderer renderer(JsonReport report, CliContext context) {
        return Renderer.of(json(), report, context.out(), context.masker(),
                context.interactive() ? Optional.of(context.err()) : Optional.empty());
    }

    /**
     * The command's document when JSON was asked for; what
     * {@link dev.strata.cli.output.JsonCapable#jsonReport()} returns.
     */
    Optional<JsonReport> whenJson(JsonReport report) {
        return json() ? Optional.of(report) : Optional.empty();
    }
}
