package dev.strata.cli.output;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.StrataConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for "passwords never appear in output": every line strata writes to stdout and stderr,
 * its own text and every log line, passes through {@link #mask(String)}. Messages are built without passwords in the
 * first place (URLs are shown redacted, connection errors are redacted where they are made); this catches a
 * configured password that a library or a stack trace still echoes.
 *
 * <p>A password is masked only where it stands as a credential: between {@code scheme://user:} and {@code @}, or
 * after a {@code password} key ({@code password=…}, {@code PGPASSWORD=…}, {@code "password": "…"},
 * {@code PASSWORD '…'}). Anywhere else the same characters are ordinary output (the password {@code 123456} inside
 * the version {@code 20240101123456}, the password {@code true} in a JSON document), and a line that holds no
 * password as a credential is passed on unchanged. A credential context only occurs inside a JSON string, so masking
 * keeps a JSON document valid.
 */
public final class SecretMasker {
    static final String MASK = "***";
    private static final List<String> CONTEXT_STARTS = List.of("://", "password");

    private final List<String> secrets = new CopyOnWriteArrayList<>();
    /** Longest password first, so that one password that starts another does not leave the other's tail. */
    private volatile List<Pattern> positions = List.of();

    /** Registers the passwords that the environment and the arguments carry, before anything is printed. */
    public static SecretMasker from(Map<String, String> environment, String[] args) {
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

    /** Adds a password, and its percent-encoded form, which is how it stands in a URL. */
    public void add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        register(secret);
        register(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private synchronized void register(String secret) {
        if (secrets.contains(secret)) {
            return;
        }
        secrets.add(secret);
        List<Pattern> rebuilt = new ArrayList<>();
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(known -> {
            String quoted = Pattern.quote(known);
            rebuilt.add(Pattern.compile("(://[^\\s/@:\"']*:)" + quoted + "(?=@)"));
            rebuilt.add(Pattern.compile("((?i:[a-z_]*password)[\"']?\\s*(?:[=:]\\s*|\\s+)[\"']?)" + quoted));
        });
        positions = List.copyOf(rebuilt);
    }

    public void addAll(StrataConfig config) {
        config.database().effectivePassword().ifPresent(this::add);
        config.database().url().ifPresent(url -> url.secrets().forEach(this::add));
    }

    private void addUrlPassword(String candidate) {
        if (candidate == null || !candidate.contains("://")) {
            return;
        }
        try {
            DatabaseUrl.parse(candidate, "argument").secrets().forEach(this::add);
        } catch (RuntimeException invalidUrl) {
            // An invalid URL is reported later without its user info or password; nothing to register.
        }
    }

    /**
     * How much of the end of a partial line must wait for the rest of it, because masking may need it: from the last
     * start of a credential context ({@code ://} or {@code password}) on, or a tail that may be the start of a secret
     * or of such a context. 0 when no secret is known.
     */
    int heldBackLength(String text) {
        if (secrets.isEmpty()) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int contextStart = Math.max(lower.lastIndexOf("://"), lower.lastIndexOf("password"));
        int longest = contextStart < 0 ? 0 : text.length() - contextStart;
        for (String start : CONTEXT_STARTS) {
            longest = Math.max(longest, longestTailStarting(lower, start));
        }
        for (String secret : secrets) {
            longest = Math.max(longest, longestTailStarting(text, secret));
        }
        return longest;
    }

    /** The length of the longest tail of {@code text} that is a proper start of {@code whole}, else 0. */
    private static int longestTailStarting(String text, String whole) {
        for (int length = Math.min(whole.length() - 1, text.length()); length > 0; length--) {
            if (text.endsWith(whole.substring(0, length))) {
                return length;
            }
        }
        return 0;
    }

    /** {@code text} with every known password masked where it stands as a credential; otherwise unchanged. */
    public String mask(String text) {
        String masked = text;
        for (Pattern position : positions) {
            Matcher matcher = position.matcher(masked);
            if (matcher.find()) {
                masked = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
            }
        }
        return masked;
    }
}
