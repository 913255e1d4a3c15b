package dev.strata.migrations.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a plan cannot be applied. {@code script} names the file concerned (a migration or undo file, a history
 * row's script, a misnamed file, a manifest); {@code version} is its version when it has one (a repeatable or misnamed
 * file has none); {@code message} is a complete sentence naming them; {@code hint} says what to do.
 *
 * @param changedLines for an edited applied file whose content was recorded when it was applied, the lines that
 *                     changed since: data, so that text and JSON show the same lines ({@link #text()})
 */
public record Problem(ProblemKind kind, String script, Optional<Version> version, String message, String hint,
                      Optional<ChangedLines> changedLines) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(changedLines, "changedLines");
        hint = hint == null ? "" : hint;
    }

    /** A problem without changed lines to show. */
    public Problem(ProblemKind kind, String script, Optional<Version> version, String message, String hint) {
        this(kind, script, version, message, hint, Optional.empty());
    }

    /** The message as text output prints it: followed, for an edit, by the lines that changed. */
    public String text() {
        return changedLines.map(changed -> message + "\n" + EditDiff.describe(changed)).orElse(message);
    }
}
