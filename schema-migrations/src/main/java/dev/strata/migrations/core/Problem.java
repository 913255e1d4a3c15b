package dev.strata.migrations.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a plan cannot be applied. {@code script} and {@code version} name the file and version concerned when
 * there is one; {@code message} is a complete sentence naming them; {@code hint} says what to do.
 *
 * @param changedLines for an edited applied file whose content was recorded when it was applied, the lines that
 *                     changed since: data, so that text and JSON show the same lines ({@link #text()})
 */
public record Problem(ProblemKind kind, String script, Version version, String message, String hint,
                      Optional<ChangedLines> changedLines) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(changedLines, "changedLines");
        hint = hint == null ? "" : hint;
    }

    public Problem(ProblemKind kind, String script, Version version, String message, String hint) {
        this(kind, script, version, message, hint, Optional.empty());
    }

    public Optional<Version> versionNumber() {
        return Optional.ofNullable(version);
    }

    /** The message as text output prints it: followed, for an edit, by the lines that changed. */
    public String text() {
        return changedLines.map(changed -> message + "\n" + EditDiff.describe(changed)).orElse(message);
    }
}
