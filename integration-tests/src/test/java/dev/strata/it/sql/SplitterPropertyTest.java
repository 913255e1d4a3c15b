package dev.strata.it.sql;

import dev.strata.it.TestDatabase;
import dev.strata.it.sql.GeneratedScript.Lexeme;
import dev.strata.it.sql.GeneratedScript.Range;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlStatement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement splitter against PostgreSQL's own parser. Scripts are generated from lexical pieces full of
 * semicolons, quotes and comment starters; the splitter must cut exactly the generated statements (so never inside
 * a string, quoted identifier, dollar body or comment), and running its statements one by one, as the engine does,
 * must leave the same rows as PostgreSQL running the whole script in one call.
 */
class SplitterPropertyTest {
    private static TestDatabase database;
    private static Connection connection;

    @BeforeContainer
    static void createDatabase() throws SQLException {
        database = TestDatabase.create();
        connection = database.open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table prop_log (id serial primary key, v text)");
            // PL/pgSQL's EXECUTE hands the whole string to the server's parser, as psql -c does.
            statement.execute("create function run_script(script text) returns void language plpgsql"
                    + " as $f$ begin execute script; end $f$");
        }
    }

    @AfterContainer
    static void dropDatabase() throws SQLException {
        connection.close();
        database.close();
    }

    @Property(tries = 200)
    void theSplitStatementsDoWhatTheWholeScriptDoes(@ForAll("scripts") GeneratedScript script) throws SQLException {
        List<SqlStatement> statements = SqlSplitter.split(script.text());

        assertThat(statements).hasSize(script.statements().size());
        for (int i = 0; i < statements.size(); i++) {
            Range expected = script.statements().get(i);
            assertThat(new Range(statements.get(i).startOffset(), statements.get(i).endOffset()))
                    .as("statement %d", i + 1).isEqualTo(expected);
        }
        for (SqlStatement statement : statements) {
            for (Range opaque : script.opaque()) {
                assertThat(opaque.strictlyContains(statement.startOffset()) || opaque.strictlyContains(statement.endOffset()))
                        .as("a cut inside %s", script.text().substring(opaque.start(), opaque.end())).isFalse();
            }
        }

        List<String> whole = rowsAfter(() -> {
            try (PreparedStatement run = connection.prepareStatement("select run_script(?)")) {
                run.setString(1, script.text());
                run.execute();
            }
        });
        List<String> oneByOne = rowsAfter(() -> {
            try (Statement statement = connection.createStatement()) {
                // As the engine runs them: comments blanked, since pgjdbc's scanner misreads some of them.
                statement.setEscapeProcessing(false);
                for (SqlStatement sql : statements) {
                    statement.execute(sql.executableSql());
                }
            }
        });
        assertThat(whole).isNotEmpty();
        assertThat(oneByOne).isEqualTo(whole);
    }

    @FunctionalInterface
    private interface Run {
        void run() throws SQLException;
    }

    private static List<String> rowsAfter(Run run) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate prop_log restart identity");
            run.run();
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select v from prop_log order by id")) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    @Provide
    Arbitrary<GeneratedScript> scripts() {
        Arbitrary<List<Lexeme>> between = LexicalPieces.gap().list().ofMaxSize(2).map(gaps -> {
            List<Lexeme> lexemes = new ArrayList<>(List.of(Lexeme.code(";")));
            gaps.forEach(lexemes::addAll);
            return lexemes;
        });
        return Combinators.combine(statement().list().ofMinSize(1).ofMaxSize(5), between.list().ofSize(10),
                        LexicalPieces.gap().list().ofMaxSize(2), Arbitraries.of(true, false))
                .as((groups, separators, leading, lastSemicolon) -> {
                    List<List<Lexeme>> statements = new ArrayList<>();
                    groups.forEach(statements::addAll);
                    GeneratedScript.Builder script = new GeneratedScript.Builder();
                    leading.forEach(script::between);
                    for (int i = 0; i < statements.size(); i++) {
                        script.statement(statements.get(i));
                        boolean last = i == statements.size() - 1;
                        // The last statement may lack its semicolon; a comment after it would then be part of it.
                        script.between(last && !lastSemicolon ? List.of(Lexeme.code("\n")) : separators.get(i));
                    }
                    return script.build();
                });
    }

    /** One statement, or two (creating a function with a SQL-standard body, then using it). */
    private static Arbitrary<List<List<Lexeme>>> statement() {
        Arbitrary<List<Lexeme>> expression = LexicalPieces.expression();
        Arbitrary<List<List<Lexeme>>> values = Combinators.combine(LexicalPieces.gap(), expression)
                .as((gap, expr) -> List.of(concat(List.of(Lexeme.code("insert into prop_log (v) values (")), gap, expr,
                        List.of(Lexeme.code(")")))));
        Arbitrary<List<List<Lexeme>>> select = Combinators.combine(expression, LexicalPieces.quotedIdentifier())
                .as((expr, alias) -> List.of(concat(List.of(Lexeme.code("insert into prop_log (v) select ")), expr,
                        List.of(Lexeme.code(" as "), alias))));
        Arbitrary<List<List<Lexeme>>> doBlock = expression.map(LexicalPieces::text)
                .filter(text -> !text.contains("$do$"))
                .map(text -> List.of(List.of(Lexeme.code("do "), Lexeme.opaque(
                        "$do$ begin insert into prop_log (v) values (" + text + "); end $do$"))));
        Arbitrary<List<List<Lexeme>>> atomic = Combinators.combine(expression, LexicalPieces.gap())
                .as((expr, gap) -> List.of(
                        concat(List.of(Lexeme.code("create or replace function prop_f() returns text language sql"
                                + " begin atomic select ")), expr, List.of(Lexeme.code(";")), gap,
                                List.of(Lexeme.code("end"))),
                        List.of(Lexeme.code("insert into prop_log (v) select prop_f()"))));
        return Arbitraries.oneOf(values, select, doBlock, atomic);
    }

    @SafeVarargs
    private static List<Lexeme> concat(List<Lexeme>... parts) {
        List<Lexeme> all = new ArrayList<>();
        for (List<Lexeme> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
