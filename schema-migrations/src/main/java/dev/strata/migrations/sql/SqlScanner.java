package dev.strata.migrations.sql;

/**
 * PostgreSQL's lexical rules (with {@code standard_conforming_strings = on}) over one text: where a comment, string,
 * quoted identifier, dollar quote or word that starts at a given offset ends. {@link SqlSplitter} and the readers of
 * a statement's tokens and comments share it, so they never disagree about what is a comment or a string.
 */
final class SqlScanner {

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

    private final String text;
    private final char[] s;

    SqlScanner(String text) {
        this.text = text;
        this.s = text.toCharArray();
    }

    int length() {
        return s.length;
    }

    char charAt(int i) {
        return s[i];
    }

    /** Char at {@code i}, or NUL past the end, so look-ahead needs no bounds checks. */
    char at(int i) {
        return i < s.length ? s[i] : '\0';
    }

    boolean lineCommentAt(int i) {
        return s[i] == '-' && at(i + 1) == '-';
    }

    boolean blockCommentAt(int i) {
        return s[i] == '/' && at(i + 1) == '*';
    }

    /** Ends at {@code \n} or {@code \r}, like the server's scanner; the newline is not consumed. */
    int skipLineComment(int start) {
        int i = start + 2;
        while (i < s.length && s[i] != '\n' && s[i] != '\r') {
            i++;
        }
        return i;
    }

    /** PostgreSQL block comments nest, unlike the SQL standard's and most other databases'. */
    int skipBlockComment(int start) {
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

    /**
     * Past the string, quoted identifier, dollar quote, word (or escape string {@code E'…'}) or single other char
     * that starts at {@code i}, which is neither whitespace nor the start of a comment.
     */
    int skipToken(int i) {
        char c = s[i];
        return switch (c) {
            case '\'' -> skipQuoted(i, i + 1, Quote.STRING);
            case '"' -> skipQuoted(i, i + 1, Quote.IDENTIFIER);
            case '$' -> skipDollarQuoted(i);
            default -> isIdentStart(c) ? skipWord(i) : i + 1;
        };
    }

    /** Whether the token {@link #skipToken} found in {@code [start, end)} is a keyword or identifier. */
    boolean isWord(int start, int end) {
        return isIdentStart(s[start]) && s[end - 1] != '\'';
    }

    /** ASCII-only case folding, as the server does for keywords (no Turkish dotless-i surprises). */
    boolean is(int start, int end, String lowerKeyword) {
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
     * {@link #skipWord} swallows {@code $} inside identifiers such as {@code foo$bar$}. Only the
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
        String delimiter = text.substring(start, i + 1);
        int close = text.indexOf(delimiter, i + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string " + delimiter, start, "add the closing " + delimiter);
        }
        return close + delimiter.length();
    }

    /** Reads an identifier or keyword; a lone E/e directly before a quote starts an escape string. */
    private int skipWord(int start) {
        int end = start + 1;
        while (isTagChar(at(end)) || at(end) == '$') {
            end++;
        }
        if (end - start == 1 && (s[start] == 'E' || s[start] == 'e') && at(end) == '\'') {
            return skipQuoted(start, end + 1, Quote.ESCAPE_STRING);
        }
        return end;
    }

    private SqlSyntaxException unterminated(String construct, int offset, String hint) {
        return new SqlSyntaxException(construct, offset, TextPosition.of(text, offset), hint);
    }

    /** The server's whitespace set; U+00A0 and friends are identifier chars to PostgreSQL. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Any char from U+0080 up counts, as the server treats every high-bit byte as a letter. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
    }

    /** Dollar-quote tags are identifiers without the {@code $} that identifiers may contain. */
    private static boolean isTagChar(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
