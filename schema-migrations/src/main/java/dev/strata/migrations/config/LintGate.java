package dev.strata.migrations.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code migrations.lint}: whether validate, plan and migrate lint the pending files before anything runs, and what
 * an error-level finding does then.
 */
public enum LintGate {
    /** No lint before the command (the default: the lint replays the migrations on a scratch database). */
    OFF,
    /** The findings go to stderr and the command goes on. */
    WARN,
    /** An error-level finding no {@code -- strata:allow} silences stops the command (exit 4) before it runs. */
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LintGate> parse(String text) {
        return Arrays.stream(values()).filter(gate -> gate.label().equals(text)).findFirst();
    }

    /** {@code "off", "warn" or "error"}, for error messages. */
    static String names() {
        String quoted = Arrays.stream(values()).map(gate -> "\"" + gate.label() + "\"").collect(Collectors.joining(", "));
        int last = quoted.lastIndexOf(", ");
        return quoted.substring(0, last) + " or " + quoted.substring(last + 2);
    }
}
