package dev.strata.it.sql;

import dev.strata.it.sql.GeneratedScript.Lexeme;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Generators of PostgreSQL's lexical pieces, filled with what trips a statement splitter: semicolons, every kind of
 * quote, dollar signs, comment starters, backslashes, newlines and non-ASCII letters.
 */
final class LexicalPieces {
    private static final String TRICKY = ";'\"$-/*\n\\";
    private static final String PLAIN = "ab XY_9\u00fc\u20ac";

    private LexicalPieces() {
    }

    static Arbitrary<String> content(String chars) {
        return Arbitraries.strings().withChars(chars.toCharArray()).ofMaxLength(12);
    }

    /** {@code 'it''s'}: a quote inside is doubled. */
    static Arbitrary<Lexeme> standardString() {
        return content(TRICKY + PLAIN).map(s -> Lexeme.opaque("'" + s.replace("'", "''") + "'"));
    }

    /** {@code E'it\'s'}: backslash escapes; a doubled quote would work too, the backslash is the tricky one. */
    static Arbitrary<Lexeme> escapeString() {
        return content(TRICKY + PLAIN).map(s -> Lexeme.opaque("E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"));
    }

    /** {@code $tag$…$tag$} with anything inside but its own closing delimiter. */
    static Arbitrary<Lexeme> dollarString() {
        return Combinators.combine(Arbitraries.of("", "a", "tag", "body_1", "x9"), content(TRICKY + PLAIN))
                .as((tag, body) -> Tuple.of("$" + tag + "$", body))
                // The body may hold anything but its closing delimiter, also not formed with the closing one.
                .filter(quote -> (quote.get2() + quote.get1()).indexOf(quote.get1()) == quote.get2().length())
                .map(quote -> Lexeme.opaque(quote.get1() + quote.get2() + quote.get1()));
    }

    /** {@code "we;ird"""}: a quote inside is doubled; never empty, which PostgreSQL rejects. */
    static Arbitrary<Lexeme> quotedIdentifier() {
        return content(TRICKY + PLAIN).filter(s -> !s.isEmpty())
                .map(s -> Lexeme.opaque("\"" + s.replace("\"", "\"\"") + "\""));
    }

    /** {@code -- …} to the end of the line, or a block comment that may nest one level. */
    static Arbitrary<Lexeme> comment() {
        String inside = ";'\"$-\\" + PLAIN;
        Arbitrary<Lexeme> line = content(inside).map(s -> Lexeme.opaque("--" + s + "\n"));
        Arbitrary<Lexeme> block = Combinators.combine(content(inside), content(inside), content(inside),
                        Arbitraries.of(true, false))
                .as((a, b, c, nested) -> Lexeme.opaque("/*" + a + (nested ? "/*" + b + "*/" : "") + c + "*/"));
        return Arbitraries.oneOf(line, block);
    }

    /** What separates two tokens: white space, or a comment with white space around it. */
    static Arbitrary<List<Lexeme>> gap() {
        Arbitrary<List<Lexeme>> space = Arbitraries.of(" ", "\n  ", "\t").map(s -> List.of(Lexeme.code(s)));
        Arbitrary<List<Lexeme>> commented = comment().map(c -> List.of(Lexeme.code(" "), c, Lexeme.code(" ")));
        return Arbitraries.frequencyOf(Tuple.of(3, space), Tuple.of(2, commented));
    }

    /** One to four string literals of any kind joined by {@code ||}, with gaps around the operators. */
    static Arbitrary<List<Lexeme>> expression() {
        Arbitrary<Lexeme> value = Arbitraries.oneOf(standardString(), escapeString(), dollarString());
        Arbitrary<List<Lexeme>> more = Combinators.combine(gap(), gap(), value).as((before, after, literal) -> {
            List<Lexeme> lexemes = new ArrayList<>(before);
            lexemes.add(Lexeme.code("||"));
            lexemes.addAll(after);
            lexemes.add(literal);
            return lexemes;
        });
        return Combinators.combine(value, more.list().ofMaxSize(3)).as((first, rest) -> {
            List<Lexeme> lexemes = new ArrayList<>(List.of(first));
            rest.forEach(lexemes::addAll);
            return lexemes;
        });
    }

    /** The text of lexemes, for a construct that nests them (a DO body). */
    static String text(List<Lexeme> lexemes) {
        StringBuilder text = new StringBuilder();
        lexemes.forEach(lexeme -> text.append(lexeme.text()));
        return text.toString();
    }
}
