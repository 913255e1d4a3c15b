package dev.strata.migrations.plan;

import dev.strata.migrations.core.StatementTimeouts;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-file settings written as comments at the top of a migration:
 * <pre>
 * -- strata:transaction=false
 * -- strata:lock_timeout=5s
 * -- strata:statement_timeout=10min
 * </pre>
 * Only the leading comment block is read; an unknown {@code strata:} directive is an error, never ignored.
 */
public record ScriptDirectives(boolean transactional, StatementTimeouts timeouts) {
    public static final ScriptDirectives DEFAULTS = new ScriptDirectives(true, StatementTimeouts.SERVER_DEFAULTS);

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*strata:([a-z_]+)\\s*=\\s*(\\S+)\\s*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)");

    /** An invalid directive, with its 1-based line. */
    public static final class InvalidDirectiveException extends Exception {
        private final int line;

        InvalidDirectiveException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static ScriptDirectives parse(String content) throws InvalidDirectiveException {
        boolean transactional = true;
        Optional<Duration> statementTimeout = Optional.empty();
        Optional<Duration> lockTimeout = Optional.empty();
        int lineNumber = 0;
        for (String line : (Iterable<String>) content.lines()::iterator) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.startsWith("--")) {
                break;
            }
            Matcher matcher = DIRECTIVE.matcher(text);
            if (!matcher.matches()) {
                if (text.matches("--\\s*strata:.*")) {
                    throw new InvalidDirectiveException(lineNumber, "malformed directive '" + text
                            + "': expected -- strata:<name>=<value>");
                }
                continue;
            }
            String value = matcher.group(2);
            switch (matcher.group(1)) {
                case "transaction" -> transactional = bool(value, lineNumber);
                case "statement_timeout" -> statementTimeout = Optional.of(duration(value, lineNumber));
                case "lock_timeout" -> lockTimeout = Optional.of(duration(value, lineNumber));
                default -> throw new InvalidDirectiveException(lineNumber, "unknown directive strata:" + matcher.group(1)
                        + ": known are strata:transaction, strata:lock_timeout and strata:statement_timeout");
            }
        }
        return new ScriptDirectives(transactional, new StatementTimeouts(statementTimeout, lockTimeout));
    }

    private static boolean bool(String value, int line) throws InvalidDirectiveException {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidDirectiveException(line, "strata:transaction must be true or false, was '" + value + "'");
    }

    private static Duration duration(String value, int line) throws InvalidDirectiveException {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new InvalidDirectiveException(line, "'" + value
                    + "' is not a positive duration: use e.g. 500ms, 5s, 2min or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
