package dev.strata.it.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A script built from PostgreSQL lexical pieces, with what the generator knows about it: where each statement
 * starts and ends (first and last token, as the splitter should cut it), and the opaque ranges (strings, quoted
 * identifiers, dollar bodies, comments) inside which no statement boundary may fall.
 */
record GeneratedScript(long seed, int index, String text, List<Range> statements, List<Range> opaque) {

    /** Half-open char range {@code [start, end)} of the text. */
    record Range(int start, int end) {
        /** Whether {@code offset} lies strictly inside, where a cut would split the construct. */
        boolean strictlyContains(int offset) {
            return offset > start && offset < end;
        }
    }

    /** A piece of text; {@code opaque} when it is a string, quoted identifier, dollar body or comment. */
    record Lexeme(String text, boolean opaque) {
        static Lexeme code(String text) {
            return new Lexeme(text, false);
        }

        static Lexeme opaque(String text) {
            return new Lexeme(text, true);
        }
    }

    /** The test's name: which script of which run. */
    @Override
    public String toString() {
        return "script " + index + " of seed " + seed;
    }

    /** For a failure: which script, how to replay it, and the script itself, readable. */
    String describe() {
        return this + " (replay with -Dstrata.splitter.seed=" + seed + ")\n-----\n" + text + "\n-----";
    }

    /** Appends statements and the text between them, keeping track of the ranges. */
    static final class Builder {
        private final long seed;
        private final int index;
        private final StringBuilder text = new StringBuilder();
        private final List<Range> statements = new ArrayList<>();
        private final List<Range> opaque = new ArrayList<>();

        Builder(long seed, int index) {
            this.seed = seed;
            this.index = index;
        }

        /** A whole statement: its first lexeme must be code, so that it is where the splitter starts it. */
        Builder statement(List<Lexeme> lexemes) {
            if (lexemes.isEmpty() || lexemes.get(0).opaque()) {
                throw new IllegalArgumentException("a statement starts with a keyword");
            }
            int start = text.length();
            lexemes.forEach(this::append);
            statements.add(new Range(start, text.length()));
            return this;
        }

        /** Text between statements: semicolons, white space and comments. */
        Builder between(List<Lexeme> lexemes) {
            lexemes.forEach(this::append);
            return this;
        }

        private void append(Lexeme lexeme) {
            if (lexeme.opaque()) {
                opaque.add(new Range(text.length(), text.length() + lexeme.text().length()));
            }
            text.append(lexeme.text());
        }

        GeneratedScript build() {
            return new GeneratedScript(seed, index, text.toString(), List.copyOf(statements), List.copyOf(opaque));
        }
    }
}
