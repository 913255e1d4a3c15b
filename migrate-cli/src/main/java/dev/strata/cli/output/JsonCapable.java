package dev.strata.cli.output;

import java.util.Optional;

/**
 * A command that can answer with a JSON document. {@link dev.strata.cli.ErrorReporter} handles every failure, so
 * it asks the failed command for the document it was building: the facts gathered before the failure plus the
 * error make the one document stdout must carry.
 */
public interface JsonCapable {
    /** The document under construction when {@code --output json} was given; empty in text mode. */
    Optional<JsonReport> jsonReport();
}
