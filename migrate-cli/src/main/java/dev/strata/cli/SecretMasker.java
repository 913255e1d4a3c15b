package dev.strata.cli;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.StrataConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last line of defence for "passwords never appear in output": every byte strata writes to stdout and stderr,
 * its own text and every log line, passes through {@link #mask(String)}. Messages are built without passwords in the
 * first place; this catches what a library might echo.
 */
final class SecretMasker {
    static final String MASK = "***";
    private static final int SHORTEST_MASKED = 3;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Registers the passwords that the environment and the arguments carry, before anything is printed. */
    static SecretMasker from(Map<String, String> environment, String[] args) {
        SecretMasker masker = new SecretMasker();
        masker.add(environment.get(ConfigKey.DATABASE_PASSWORD.environmentVariable()));
        masker.addUrlPassword(environment.get(ConfigKey.DATABASE_URL.environmentVariable()));
        for (String arg : args) {
            // --url=…, --scratch-url=…: the value after the first '='.
            int equals = arg.indexOf('=');
            masker.addUrlPassword(arg.startsWith("--") && equals > 0 ? arg.substring(equals + 1) : arg);
        }
        return masker;
    }

    void add(String secret) {
        if (secret != null && secret.length() >= SHORTEST_MASKED && !secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    void addAll(StrataConfig config) {
        config.database().effectivePassword().ifPresent(this::add);
    }

    private void addUrlPassword(String candidate) {
        if (candidate == null || !candidate.contains("://")) {
            return;
        }
        try {
            DatabaseUrl.parse(candidate, "argument").password().ifPresent(this::add);
        } catch (RuntimeException invalidUrl) {
            // An invalid URL is reported later, redacted; nothing to register.
        }
    }

    /** The length of the longest tail of {@code text} that is the start of a secret, else 0. */
    int secretPrefixLength(String text) {
        int longest = 0;
        for (String secret : secrets) {
            for (int length = Math.min(secret.length() - 1, text.length()); length > longest; length--) {
                if (text.endsWith(secret.substring(0, length))) {
                    longest = length;
                    break;
                }
            }
        }
        return longest;
    }

    String mask(String text) {
        String masked = DatabaseUrl.redact(text);
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
