package dev.strata.migrations.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a plan cannot be applied. {@code script} and {@code version} name the file and version concerned when
 * there is one; {@code message} is a complete sentence naming them; {@code hint} says what to do.
 */
public record Problem(ProblemKind kind, String script, Version version, String message, String hint) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public Optional<String> scriptName() {
        return Optional.ofNullable(script);
    }

    public Optional<Version> versionNumber() {
        return Optional.ofNullable(version);
    }

    public Problem withMessage(String newMessage) {
        return new Problem(kind, script, version, newMessage, hint);
    }
}
