package dev.strata.migrations.plan;

import dev.strata.migrations.core.ScriptDirectives;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.sql.ScriptLexicon;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.TextPosition;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file's {@link ScriptDirectives}, written as line comments before its first statement:
 * <pre>
 * -- strata:transaction=false
 * -- strata:lock_timeout=5s
 * -- strata:statement_timeout=10min
 * </pre>
 * Any comment that looks like a directive but would not be honoured is an error, never ignored: an unknown name, a
 * bad value, upper case ({@code -- STRATA:}), the same directive twice, or a directive after the first statement.
 * The one exception is {@code -- strata:allow=<rule> <reason>}, which silences a {@code strata lint} rule for the
 * statement below it (or, above the first statement, for the whole file), may appear anywhere and any number of
 * times, and is read by {@link #allowances(String)}; the reason is required.
 */
public final class DirectiveReader {
    /**
     * What a reader could take for a directive: {@code strata:} in lower case, or {@code strata:name=value} in any
     * case and spacing (a prose comment such as {@code -- Strata: adds users} is neither).
     */
    private static final Pattern LOOKS_LIKE = Pattern.compile("--\\s*strata:.*|(?i)--\\s*strata\\s*:\\s*\\w+\\s*=.*");
    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*strata:([a-z_]+)\\s*=\\s*(\\S+)\\s*");
    private static final Pattern ALLOW = Pattern.compile("--\\s*strata:allow\\s*=\\s*([a-z0-9-]*)\\s*(.*)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)");

    private DirectiveReader() {
    }

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

    /** Reads the directives of a script on its own (splitting it); for callers that have not split it yet. */
    public static ScriptDirectives read(String content) throws InvalidDirectiveException {
        List<SqlStatement> statements = SqlSplitter.split(content);
        return read(content, SqlSplitter.lexicon(content), statements.isEmpty() ? Optional.empty()
                : Optional.of(statements.get(0)));
    }

    /**
     * @param lexicon        the script's comments
     * @param firstStatement where directives stop being honoured; empty for a script without statements
     */
    static ScriptDirectives read(String content, ScriptLexicon lexicon, Optional<SqlStatement> firstStatement)
            throws InvalidDirectiveException {
        boolean transactional = true;
        Optional<Duration> statementTimeout = Optional.empty();
        Optional<Duration> lockTimeout = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (ScriptLexicon.Comment comment : lexicon.lineComments()) {
            String text = comment.text().strip();
            if (!LOOKS_LIKE.matcher(text).matches() || ALLOW.matcher(text).matches()) {
                continue;
            }
            int line = TextPosition.of(content, comment.offset()).line();
            if (firstStatement.isPresent() && comment.offset() > firstStatement.get().startOffset()) {
                throw new InvalidDirectiveException(line, "'" + text + "' comes after the first statement (line "
                        + firstStatement.get().line() + ") and would be ignored: directives count only above the"
                        + " first statement; move it there, or remove it");
            }
            Matcher matcher = DIRECTIVE.matcher(text);
            if (!matcher.matches()) {
                String hint = text.matches("--\\s*strata:.*") ? "" : " (directives are written in lower case)";
                throw new InvalidDirectiveException(line, "malformed directive '" + text
                        + "': expected -- strata:<name>=<value>" + hint);
            }
            String name = matcher.group(1);
            String value = matcher.group(2);
            if (!seen.add(name)) {
                throw new InvalidDirectiveException(line, "strata:" + name + " is given twice: keep one");
            }
            switch (name) {
                case "transaction" -> transactional = bool(value, line);
                case "statement_timeout" -> statementTimeout = Optional.of(duration(value, line));
                case "lock_timeout" -> lockTimeout = Optional.of(duration(value, line));
                default -> throw new InvalidDirectiveException(line, "unknown directive strata:" + name
                        + ": known are strata:transaction, strata:lock_timeout and strata:statement_timeout");
            }
        }
        return new ScriptDirectives(transactional, new StatementTimeouts(statementTimeout, lockTimeout),
                seen.contains("transaction"));
    }

    /**
     * A {@code -- strata:allow=<rule> <reason>} line: the lint rule it silences, why, and what it covers.
     *
     * @param wholeFile whether it stands above the first statement, so covers every statement of the file
     */
    public record Allowance(int line, int offset, String rule, String reason, boolean wholeFile) {
    }

    /**
     * Every {@code -- strata:allow} line of a script. Only the syntax is checked here (which rule names exist is the
     * linter's to say).
     *
     * @throws InvalidDirectiveException for one without a rule name or without a reason
     */
    public static List<Allowance> allowances(String content) throws InvalidDirectiveException {
        List<SqlStatement> statements = SqlSplitter.split(content);
        int firstStatement = statements.isEmpty() ? Integer.MAX_VALUE : statements.get(0).startOffset();
        List<Allowance> allowances = new java.util.ArrayList<>();
        for (ScriptLexicon.Comment comment : SqlSplitter.lexicon(content).lineComments()) {
            Matcher matcher = ALLOW.matcher(comment.text().strip());
            if (!matcher.matches()) {
                continue;
            }
            int line = TextPosition.of(content, comment.offset()).line();
            if (matcher.group(1).isEmpty()) {
                throw new InvalidDirectiveException(line, "strata:allow names no rule: write -- strata:allow=<rule>"
                        + " <reason>, e.g. -- strata:allow=drop-column the column is unused since release 4.2");
            }
            if (matcher.group(2).isBlank()) {
                throw new InvalidDirectiveException(line, "strata:allow=" + matcher.group(1) + " gives no reason:"
                        + " write why the finding is safe here after the rule name, e.g. -- strata:allow="
                        + matcher.group(1) + " the table holds a few rows");
            }
            allowances.add(new Allowance(line, comment.offset(), matcher.group(1), matcher.group(2).strip(),
                    comment.offset() < firstStatement));
        }
        return List.copyOf(allowances);
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
