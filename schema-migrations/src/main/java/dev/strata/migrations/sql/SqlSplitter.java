package dev.strata.migrations.sql;

import dev.strata.migrations.core.SqlStatement;

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
    private final String script;
    private final SqlScanner scanner;
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
        this.scanner = new SqlScanner(script);
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

    /** What to send to the server: the statement's SQL with its comments blanked out, same length and lines. */
    public static String executableSql(SqlStatement statement) {
        return blankComments(statement.sql());
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
        SqlScanner scanner = new SqlScanner(statement);
        StringBuilder out = new StringBuilder(statement.length());
        int copied = 0;
        int i = 0;
        while (i < scanner.length()) {
            int end;
            if (scanner.lineCommentAt(i)) {
                end = scanner.skipLineComment(i);
            } else if (scanner.blockCommentAt(i)) {
                end = scanner.skipBlockComment(i);
            } else {
                i = scanner.skipToken(i);
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
        SqlScanner scanner = new SqlScanner(statement);
        List<String> tokens = new ArrayList<>(Math.min(max, 16));
        int i = 0;
        while (i < scanner.length() && tokens.size() < max) {
            if (SqlScanner.isSpace(scanner.charAt(i))) {
                i++;
            } else if (scanner.lineCommentAt(i)) {
                i = scanner.skipLineComment(i);
            } else if (scanner.blockCommentAt(i)) {
                i = scanner.skipBlockComment(i);
            } else {
                int end = scanner.skipToken(i);
                String token = statement.substring(i, end);
                tokens.add(SqlScanner.isIdentStart(scanner.charAt(i)) ? asciiLower(token) : token);
                i = end;
            }
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
        SqlScanner scanner = new SqlScanner(script);
        List<ScriptLexicon.Comment> comments = new ArrayList<>();
        List<Integer> backslashLines = new ArrayList<>();
        boolean lineStart = true;
        int i = 0;
        while (i < scanner.length()) {
            char c = scanner.charAt(i);
            if (c == '\n' || c == '\r') {
                lineStart = true;
                i++;
                continue;
            }
            if (SqlScanner.isSpace(c)) {
                i++;
                continue;
            }
            boolean first = lineStart;
            lineStart = false;
            if (scanner.lineCommentAt(i)) {
                int end = scanner.skipLineComment(i);
                comments.add(new ScriptLexicon.Comment(i, script.substring(i, end)));
                i = end;
            } else if (scanner.blockCommentAt(i)) {
                i = scanner.skipBlockComment(i);
            } else if (c == '\\' && first) {
                backslashLines.add(i);
                i++;
            } else {
                i = scanner.skipToken(i);
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
        int n = scanner.length();
        int i = 0;
        while (i < n) {
            char c = scanner.charAt(i);
            if (SqlScanner.isSpace(c)) {
                i++;
            } else if (scanner.lineCommentAt(i)) {
                i = scanner.skipLineComment(i);
            } else if (scanner.blockCommentAt(i)) {
                i = scanner.skipBlockComment(i);
            } else if (c == ';' && parenDepth == 0 && atomicDepth == 0) {
                endStatement(i);
                i++;
            } else {
                if (firstToken < 0) {
                    firstToken = i;
                }
                i = switch (c) {
                    case '(' -> {
                        parenDepth++;
                        yield i + 1;
                    }
                    case ')' -> {
                        parenDepth = Math.max(0, parenDepth - 1);
                        yield i + 1;
                    }
                    default -> token(i);
                };
            }
        }
        endStatement(n);
        return Collections.unmodifiableList(statements);
    }

    private int token(int start) {
        int end = scanner.skipToken(start);
        if (scanner.isWord(start, end)) {
            onWord(start, end);
        }
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
            case 0 -> createPrefix = scanner.is(start, end, "create");
            case 1 -> {
                routine = createPrefix && isRoutineKeyword(start, end);
                createPrefix = createPrefix && scanner.is(start, end, "or");
            }
            case 2 -> createPrefix = createPrefix && scanner.is(start, end, "replace");
            case 3 -> routine |= createPrefix && isRoutineKeyword(start, end);
            default -> { }
        }
        if (wordCount < 4) {
            wordCount++;
        }
        if (routine && parenDepth == 0) {
            if (scanner.is(start, end, "begin")) {
                atomicDepth++;
            } else if (scanner.is(start, end, "case") && atomicDepth > 0) {
                atomicDepth++;
            } else if (scanner.is(start, end, "end") && atomicDepth > 0) {
                atomicDepth--;
            }
        }
    }

    private boolean isRoutineKeyword(int start, int end) {
        return scanner.is(start, end, "function") || scanner.is(start, end, "procedure");
    }

    private void endStatement(int end) {
        if (firstToken >= 0) {
            int e = end;
            while (e > firstToken && SqlScanner.isSpace(scanner.charAt(e - 1))) {
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
}
