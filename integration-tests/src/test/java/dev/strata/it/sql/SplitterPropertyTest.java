package dev.strata.it.sql;

import dev.strata.it.TestDatabase;
import dev.strata.it.sql.GeneratedScript.Lexeme;
import dev.strata.it.sql.GeneratedScript.Range;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.SqlSplitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement splitter against PostgreSQL's own parser. Scripts are generated from lexical pieces full of
 * semicolons, quotes and comment starters; the splitter must cut exactly the generated statements (so never inside
 * a string, quoted identifier, dollar body or comment), and running its statements one by one, as the engine does,
 * must leave the same rows as PostgreSQL running the whole script in one call.
 *
 * <p>A property test in plain JUnit: {@value #TRIES} scripts per run from a seeded generator, a fresh seed each run
 * (logged; replay a run with {@code -Dstrata.splitter.seed=…}). Script {@code i} is drawn from seed + i alone, so a
 * failure names the one script to replay and shows it.
 */
class SplitterPropertyTest {
    static final int TRIES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SplitterPropertyTest.class);
    private static TestDatabase database;
    private static Connection connection;

    @BeforeAll
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

    @AfterAll
    static void dropDatabase() throws SQLException {
        connection.close();
        database.close();
    }

    static Stream<GeneratedScript> scripts() {
        long seed = Long.getLong("strata.splitter.seed", System.nanoTime());
        LOG.info("SplitterPropertyTest seed {} (replay with -Dstrata.splitter.seed={})", seed, seed);
        return IntStream.range(0, TRIES).mapToObj(i -> script(seed, i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void theSplitStatementsDoWhatTheWholeScriptDoes(GeneratedScript script) throws SQLException {
        List<SqlStatement> statements = SqlSplitter.split(script.text());

        assertThat(statements).as("%s", script.describe()).hasSize(script.statements().size());
        for (int i = 0; i < statements.size(); i++) {
            Range expected = script.statements().get(i);
            assertThat(new Range(statements.get(i).startOffset(), statements.get(i).endOffset()))
                    .as("statement %d of %s", i + 1, script.describe()).isEqualTo(expected);
        }
        for (SqlStatement statement : statements) {
            for (Range opaque : script.opaque()) {
                assertThat(opaque.strictlyContains(statement.startOffset()) || opaque.strictlyContains(statement.endOffset()))
                        .as("a cut inside %s, in %s", script.text().substring(opaque.start(), opaque.end()),
                                script.describe()).isFalse();
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
                    statement.execute(SqlSplitter.executableSql(sql));
                }
            }
        });
        assertThat(whole).as("%s", script.describe()).isNotEmpty();
        assertThat(oneByOne).as("%s", script.describe()).isEqualTo(whole);
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

    /** Script {@code index} of a run: 1 to 5 statement groups, each followed by a separator, the last maybe not. */
    static GeneratedScript script(long seed, int index) {
        Random random = new Random(seed + index);
        LexicalPieces pieces = new LexicalPieces(random);
        GeneratedScript.Builder script = new GeneratedScript.Builder(seed, index);
        script.between(pieces.gaps(2));
        List<List<Lexeme>> statements = new ArrayList<>();
        for (int groups = 1 + random.nextInt(5); groups > 0; groups--) {
            statements.addAll(statement(pieces, random));
        }
        boolean lastSemicolon = random.nextBoolean();
        for (int i = 0; i < statements.size(); i++) {
            script.statement(statements.get(i));
            boolean last = i == statements.size() - 1;
            // The last statement may lack its semicolon; a comment after it would then be part of it.
            script.between(last && !lastSemicolon ? List.of(Lexeme.code("\n")) : separator(pieces));
        }
        return script.build();
    }

    private static List<Lexeme> separator(LexicalPieces pieces) {
        List<Lexeme> lexemes = new ArrayList<>(List.of(Lexeme.code(";")));
        lexemes.addAll(pieces.gaps(2));
        return lexemes;
    }

    /** One statement, or two (creating a function with a SQL-standard body, then using it). */
    private static List<List<Lexeme>> statement(LexicalPieces pieces, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> List.of(concat(List.of(Lexeme.code("insert into prop_log (v) values (")), pieces.gap(),
                    pieces.expression(), List.of(Lexeme.code(")"))));
            case 1 -> List.of(concat(List.of(Lexeme.code("insert into prop_log (v) select ")), pieces.expression(),
                    List.of(Lexeme.code(" as "), pieces.quotedIdentifier())));
            case 2 -> {
                String text;
                do {
                    text = LexicalPieces.text(pieces.expression());
                } while (text.contains("$do$"));
                yield List.of(List.of(Lexeme.code("do "), Lexeme.opaque(
                        "$do$ begin insert into prop_log (v) values (" + text + "); end $do$")));
            }
            default -> List.of(
                    concat(List.of(Lexeme.code("create or replace function prop_f() returns text language sql"
                            + " begin atomic select ")), pieces.expression(), List.of(Lexeme.code(";")), pieces.gap(),
                            List.of(Lexeme.code("end"))),
                    List.of(Lexeme.code("insert into prop_log (v) select prop_f()")));
        };
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
