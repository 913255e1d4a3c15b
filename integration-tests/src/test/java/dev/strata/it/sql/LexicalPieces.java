package dev.strata.it.sql;

import dev.strata.it.sql.GeneratedScript.Lexeme;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random PostgreSQL lexical pieces, filled with what trips a statement splitter: semicolons, every kind of quote,
 * dollar signs, comment starters, backslashes, newlines and non-ASCII letters. One instance draws from one seeded
 * generator, so a seed names a script exactly and a failure can be replayed.
 */
final class LexicalPieces {
    private static final String TRICKY = ";'\"$-/*\n\\";
    private static final String PLAIN = "ab XY_9\u00fc\u20ac";
    private static final String ANY = TRICKY + PLAIN;
    private static final List<String> DOLLAR_TAGS = List.of("", "a", "tag", "body_1", "x9");

    private final Random random;

    LexicalPieces(Random random) {
        this.random = random;
    }

    /** Up to 12 characters drawn from {@code chars}; short ones often, so that edge cases (empty, one char) come up. */
    String content(String chars) {
        int length = random.nextInt(13);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** {@code 'it''s'}: a quote inside is doubled. */
    Lexeme standardString() {
        return Lexeme.opaque("'" + content(ANY).replace("'", "''") + "'");
    }

    /** {@code E'it\'s'}: backslash escapes; a doubled quote would work too, the backslash is the tricky one. */
    Lexeme escapeString() {
        return Lexeme.opaque("E'" + content(ANY).replace("\\", "\\\\").replace("'", "\\'") + "'");
    }

    /** {@code $tag$…$tag$} with anything inside but its own closing delimiter, also not formed with the closing one. */
    Lexeme dollarString() {
        String delimiter = "$" + DOLLAR_TAGS.get(random.nextInt(DOLLAR_TAGS.size())) + "$";
        String body;
        do {
            body = content(ANY);
        } while ((body + delimiter).indexOf(delimiter) != body.length());
        return Lexeme.opaque(delimiter + body + delimiter);
    }

    /** {@code "we;ird"""}: a quote inside is doubled; never empty, which PostgreSQL rejects. */
    Lexeme quotedIdentifier() {
        String name;
        do {
            name = content(ANY);
        } while (name.isEmpty());
        return Lexeme.opaque("\"" + name.replace("\"", "\"\"") + "\"");
    }

    /** {@code -- …} to the end of the line, or a block comment that may nest one level. */
    Lexeme comment() {
        String inside = ";'\"$-\\" + PLAIN;
        if (random.nextBoolean()) {
            return Lexeme.opaque("--" + content(inside) + "\n");
        }
        String nested = random.nextBoolean() ? "/*" + content(inside) + "*/" : "";
        return Lexeme.opaque("/*" + content(inside) + nested + content(inside) + "*/");
    }

    /** What separates two tokens: white space (3 in 5), or a comment with white space around it. */
    List<Lexeme> gap() {
        if (random.nextInt(5) < 3) {
            return List.of(Lexeme.code(List.of(" ", "\n  ", "\t").get(random.nextInt(3))));
        }
        return List.of(Lexeme.code(" "), comment(), Lexeme.code(" "));
    }

    /** Up to {@code max} gaps, one after the other. */
    List<Lexeme> gaps(int max) {
        List<Lexeme> lexemes = new ArrayList<>();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            lexemes.addAll(gap());
        }
        return lexemes;
    }

    /** One to four string literals of any kind joined by {@code ||}, with gaps around the operators. */
    List<Lexeme> expression() {
        List<Lexeme> lexemes = new ArrayList<>(List.of(literal()));
        for (int i = random.nextInt(4); i > 0; i--) {
            lexemes.addAll(gap());
            lexemes.add(Lexeme.code("||"));
            lexemes.addAll(gap());
            lexemes.add(literal());
        }
        return lexemes;
    }

    private Lexeme literal() {
        return switch (random.nextInt(3)) {
            case 0 -> standardString();
            case 1 -> escapeString();
            default -> dollarString();
        };
    }

    /** The text of lexemes, for a construct that nests them (a DO body). */
    static String text(List<Lexeme> lexemes) {
        StringBuilder text = new StringBuilder();
        lexemes.forEach(lexeme -> text.append(lexeme.text()));
        return text.toString();
    }
}
