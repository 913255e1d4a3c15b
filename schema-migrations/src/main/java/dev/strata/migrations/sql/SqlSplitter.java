package dev.strata.migrations.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits a PostgreSQL script into statements at the semicolons the server would see as
 * statement ends, following the lexical rules of PostgreSQL's scanner (with
 * {@code standard_conforming_strings = on}) and psql's rules for where a statement ends.
 *
 * <p>A migration tool has to send statements one at a time, and a naive split on {@code ;}
 * breaks on function bodies, strings and comments. This is a single linear pass over the
 * script's chars without regular expressions, because it runs over thousands of files.
 *
 * <p>Like psql, a {@code ;} does not end a statement inside parentheses (multi-action
 * {@code CREATE RULE ... DO (a; b)}) or inside a {@code BEGIN ATOMIC ... END} body of a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} statement.
 */
public final class SqlSplitter {

    /** What an unterminated quote is called in messages, and how to close it. */
    private enum Quote {
        STRING('\'', false, "string '…'", "add the closing ' (a quote inside the string is written '')"),
        ESCAPE_STRING('\'', true, "escape string E'…'",
                "add the closing ' (inside E'…' strings \\' is an escaped quote, not the end)"),
        IDENTIFIER('"', false, "quoted identifier \"…\"",
                "add the closing \" (a quote inside the name is written \"\")");

        final char quote;
        final boolean backslashEscapes;
        final String construct;
        final String hint;

        Quote(char quote, boolean backslashEscapes, String construct, String hint) {
            this.quote = quote;
            this.backslashEscapes = backslashEscapes;
            this.construct = construct;
            this.hint = hint;
        }
    }

    private final String script;
    private final char[] s;
    private final List<SqlStatement> statements = new ArrayList<>();

    // Position of the previous statement's start; positions only move forward, so each
    // statement's line/column is found by walking on from there (linear overall).
    private TextPosition position = TextPosition.START;
    private int positionOffset;

    // State of the statement being scanned; reset at every statement end.
    private int firstToken = -1;
    private int parenDepth;
    private int atomicDepth;
    private int wordCount;
    private boolean createPrefix;   // leading words so far are CREATE [OR [REPLACE]]
    private boolean routine;        // statement starts with CREATE [OR REPLACE] FUNCTION|PROCEDURE

    private SqlSplitter(String script) {
        this.script = script;
        this.s = script.toCharArray();
    }

    /**
     * Splits {@code script}; statements consisting only of whitespace and comments are dropped,
     * and the last statement may lack its {@code ;}.
     *
     * @throws SqlSyntaxException if a string, quoted identifier, dollar quote or block comment
     *                            is not closed before the end of the script
     */
    public static List<SqlStatement> split(String script) {
        Objects.requireNonNull(script, "script");
        return new SqlSplitter(script).run();
    }

    /**
     * The statement with every comment replaced by spaces (one per character, line breaks kept), so the server's
     * error positions, counted in characters, still point at the right place in the original text. pgjdbc scans
     * each statement again before sending it, and its scanner reads some comments differently from PostgreSQL's (for
     * it, a block comment that starts with slash-star-slash ends right there), so a semicolon in such a comment
     * would make it send half a statement. Blank comments mean nothing to either scanner.
     *
     * @param statement one statement as returned by {@link #split}
     */
    static String blankComments(String statement) {
        SqlSplitter scanner = new SqlSplitter(statement);
        StringBuilder out = new StringBuilder(statement.length());
        int copied = 0;
        int i = 0;
        while (i < scanner.s.length) {
            char c = scanner.s[i];
            int end;
            if (c == '-' && scanner.at(i + 1) == '-') {
                end = scanner.skipLineComment(i);
            } else if (c == '/' && scanner.at(i + 1) == '*') {
                end = scanner.skipBlockComment(i);
            } else {
                i = switch (c) {
                    case '\'' -> scanner.skipQuoted(i, i + 1, Quote.STRING);
                    case '"' -> scanner.skipQuoted(i, i + 1, Quote.IDENTIFIER);
                    case '$' -> scanner.skipDollarQuoted(i);
                    default -> isIdentStart(c) ? scanner.word(i) : i + 1;
                };
                continue;
            }
            out.append(statement, copied, i);
            statement.substring(i, end).codePoints()
                    .forEach(point -> out.append(point == '\n' || point == '\r' ? (char) point : ' '));
            copied = end;
            i = end;
        }
        return copied == 0 ? statement : out.append(statement, copied, statement.length()).toString();
    }

    /**
     * The statement's leading tokens as PostgreSQL's scanner sees them, comments skipped: words lower-cased (ASCII
     * only, as the server folds keywords), strings and quoted identifiers verbatim, any other char on its own. Enough
     * to recognise a statement's kind whatever comments or line breaks sit between its keywords.
     *
     * @param statement one statement as returned by {@link #split}
     * @param max       how many tokens at most
     */
    public static List<String> tokens(String statement, int max) {
        SqlSplitter scanner = new SqlSplitter(statement);
        List<String> tokens = new ArrayList<>(Math.min(max, 16));
        int i = 0;
        while (i < scanner.s.length && tokens.size() < max) {
            char c = scanner.s[i];
            int end;
            if (isSpace(c)) {
                i++;
                continue;
            } else if (c == '-' && scanner.at(i + 1) == '-') {
                i = scanner.skipLineComment(i);
                continue;
            } else if (c == '/' && scanner.at(i + 1) == '*') {
                i = scanner.skipBlockComment(i);
                continue;
            }
            end = switch (c) {
                case '\'' -> scanner.skipQuoted(i, i + 1, Quote.STRING);
                case '"' -> scanner.skipQuoted(i, i + 1, Quote.IDENTIFIER);
                case '$' -> scanner.skipDollarQuoted(i);
                default -> isIdentStart(c) ? scanner.word(i) : i + 1;
            };
            String token = statement.substring(i, end);
            tokens.add(isIdentStart(c) ? asciiLower(token) : token);
            i = end;
        }
        return List.copyOf(tokens);
    }

    /**
     * What a script holds besides statements, found with the same lexical rules as {@link #split}: its line comments,
     * and the lines that start with a backslash outside any string, comment or dollar quote (psql meta-commands such
     * as {@code \set} or {@code \i}, and the {@code \.} that ends psql's inline COPY data).
     *
     * @throws SqlSyntaxException as {@link #split} does
     */
    public static ScriptLexicon lexicon(String script) {
        SqlSplitter scanner = new SqlSplitter(script);
        char[] s = scanner.s;
        List<ScriptLexicon.Comment> comments = new ArrayList<>();
        List<Integer> backslashLines = new ArrayList<>();
        boolean lineStart = true;
        int i = 0;
        while (i < s.length) {
            char c = s[i];
            if (c == '\n' || c == '\r') {
                lineStart = true;
                i++;
                continue;
            }
            if (isSpace(c)) {
                i++;
                continue;
            }
            boolean first = lineStart;
            lineStart = false;
            if (c == '-' && scanner.at(i + 1) == '-') {
                int end = scanner.skipLineComment(i);
                comments.add(new ScriptLexicon.Comment(i, script.substring(i, end)));
                i = end;
            } else if (c == '/' && scanner.at(i + 1) == '*') {
                i = scanner.skipBlockComment(i);
            } else if (c == '\\' && first) {
                backslashLines.add(i);
                i++;
            } else {
                i = switch (c) {
                    case '\'' -> scanner.skipQuoted(i, i + 1, Quote.STRING);
                    case '"' -> scanner.skipQuoted(i, i + 1, Quote.IDENTIFIER);
                    case '$' -> scanner.skipDollarQuoted(i);
                    default -> isIdentStart(c) ? scanner.word(i) : i + 1;
                };
            }
        }
        return new ScriptLexicon(comments, backslashLines);
    }

    private static String asciiLower(String word) {
        StringBuilder lower = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    private List<SqlStatement> run() {
        int n = s.length;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (isSpace(c)) {
                i++;
            } else if (c == '-' && at(i + 1) == '-') {
                i = skipLineComment(i);
            } else if (c == '/' && at(i + 1) == '*') {
                i = skipBlockComment(i);
            } else if (c == ';' && parenDepth == 0 && atomicDepth == 0) {
                endStatement(i);
                i++;
            } else {
                if (firstToken < 0) {
                    firstToken = i;
                }
                i = switch (c) {
                    case '\'' -> skipQuoted(i, i + 1, Quote.STRING);
                    case '"' -> skipQuoted(i, i + 1, Quote.IDENTIFIER);
                    case '$' -> skipDollarQuoted(i);
                    case '(' -> {
                        parenDepth++;
                        yield i + 1;
                    }
                    case ')' -> {
                        parenDepth = Math.max(0, parenDepth - 1);
                        yield i + 1;
                    }
                    default -> isIdentStart(c) ? word(i) : i + 1;
                };
            }
        }
        endStatement(n);
        return Collections.unmodifiableList(statements);
    }

    /** Char at {@code i}, or NUL past the end, so look-ahead needs no bounds checks. */
    private char at(int i) {
        return i < s.length ? s[i] : '\0';
    }

    /** Ends at {@code \n} or {@code \r}, like the server's scanner; the newline is not consumed. */
    private int skipLineComment(int start) {
        int i = start + 2;
        while (i < s.length && s[i] != '\n' && s[i] != '\r') {
            i++;
        }
        return i;
    }

    /** PostgreSQL block comments nest, unlike the SQL standard's and most other databases'. */
    private int skipBlockComment(int start) {
        int depth = 1;
        int i = start + 2;
        while (i < s.length - 1) {
            if (s[i] == '*' && s[i + 1] == '/') {
                if (--depth == 0) {
                    return i + 2;
                }
                i += 2;
            } else if (s[i] == '/' && s[i + 1] == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        throw unterminated("/* comment", start, "nested comments need one */ per /*");
    }

    /** {@code start} is where the construct (including any E prefix) begins, {@code from} is past the quote. */
    private int skipQuoted(int start, int from, Quote q) {
        for (int i = from; i < s.length; i++) {
            char c = s[i];
            if (c == '\\' && q.backslashEscapes) {
                i++;
            } else if (c == q.quote) {
                if (i + 1 < s.length && s[i + 1] == q.quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        throw unterminated(q.construct, start, q.hint);
    }

    /**
     * A {@code $} that reaches here never directly follows an identifier char, because
     * {@link #word} swallows {@code $} inside identifiers such as {@code foo$bar$}. Only the
     * exact same tag closes the quote, so differently tagged quotes nest freely inside.
     */
    private int skipDollarQuoted(int start) {
        int i = start + 1;
        if (isIdentStart(at(i))) {
            do {
                i++;
            } while (isTagChar(at(i)));
        }
        if (at(i) != '$') {
            return start + 1; // $1 parameter or a lone $: not a quote
        }
        String delimiter = script.substring(start, i + 1);
        int close = script.indexOf(delimiter, i + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string " + delimiter, start, "add the closing " + delimiter);
        }
        return close + delimiter.length();
    }

    /** Reads an identifier or keyword; a lone E/e directly before a quote starts an escape string. */
    private int word(int start) {
        int end = start + 1;
        while (isTagChar(at(end)) || at(end) == '$') {
            end++;
        }
        if (end - start == 1 && (s[start] == 'E' || s[start] == 'e') && at(end) == '\'') {
            return skipQuoted(start, end + 1, Quote.ESCAPE_STRING);
        }
        onWord(start, end);
        return end;
    }

    /**
     * psql's heuristic for SQL-standard bodies ({@code BEGIN ATOMIC ... END}): without a parser
     * it counts BEGIN/CASE against END at parenthesis depth 0, and only in CREATE FUNCTION or
     * PROCEDURE statements so that a transaction's {@code BEGIN;} still ends normally. CASE only
     * counts inside a body, since a CASE elsewhere cannot hide a semicolon.
     */
    private void onWord(int start, int end) {
        switch (wordCount) {
            case 0 -> createPrefix = is(start, end, "create");
            case 1 -> {
                routine = createPrefix && isRoutineKeyword(start, end);
                createPrefix = createPrefix && is(start, end, "or");
            }
            case 2 -> createPrefix = createPrefix && is(start, end, "replace");
            case 3 -> routine |= createPrefix && isRoutineKeyword(start, end);
            default -> { }
        }
        if (wordCount < 4) {
            wordCount++;
        }
        if (routine && parenDepth == 0) {
            if (is(start, end, "begin")) {
                atomicDepth++;
            } else if (is(start, end, "case") && atomicDepth > 0) {
                atomicDepth++;
            } else if (is(start, end, "end") && atomicDepth > 0) {
                atomicDepth--;
            }
        }
    }

    private boolean isRoutineKeyword(int start, int end) {
        return is(start, end, "function") || is(start, end, "procedure");
    }

    /** ASCII-only case folding, as the server does for keywords (no Turkish dotless-i surprises). */
    private boolean is(int start, int end, String lowerKeyword) {
        if (end - start != lowerKeyword.length()) {
            return false;
        }
        for (int k = 0; k < lowerKeyword.length(); k++) {
            char c = s[start + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerKeyword.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void endStatement(int end) {
        if (firstToken >= 0) {
            int e = end;
            while (e > firstToken && isSpace(s[e - 1])) {
                e--;
            }
            position = position.advance(script, positionOffset, firstToken);
            positionOffset = firstToken;
            statements.add(new SqlStatement(script.substring(firstToken, e), firstToken,
                    position.line(), position.column()));
        }
        firstToken = -1;
        parenDepth = 0;
        atomicDepth = 0;
        wordCount = 0;
        createPrefix = false;
        routine = false;
    }

    private SqlSyntaxException unterminated(String construct, int offset, String hint) {
        return new SqlSyntaxException(construct, offset, TextPosition.of(script, offset), hint);
    }

    /** The server's whitespace set; U+00A0 and friends are identifier chars to PostgreSQL. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Any char from U+0080 up counts, as the server treats every high-bit byte as a letter. */
    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
    }

    /** Dollar-quote tags are identifiers without the {@code $} that identifiers may contain. */
    private static boolean isTagChar(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
