package dev.strata.migrations.core;

import java.util.Locale;
import java.util.Optional;

/** What a fleet run does after a target fails. */
public enum FailurePolicy {
    /** Every other target still runs; the failed ones are listed at the end. */
    CONTINUE,
    /** No target starts after the first failure; those already running finish. */
    STOP;

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailurePolicy> parse(String text) {
        for (FailurePolicy policy : values()) {
            if (policy.optionName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
