package dev.strata.migrations.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of an object that differs: its value as the migrations produce it and as the database has it; a side
 * is empty when the attribute does not apply there (e.g. a default added by hand).
 */
public record AttributeDifference(String attribute, Optional<String> expected, Optional<String> actual) {
    public AttributeDifference {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }
}
