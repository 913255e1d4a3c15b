package dev.strata.migrations.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.strata.migrations.core.SqlStatement;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlSplitterTest {

    private static List<String> sqls(String script) {
        List<SqlStatement> statements = SqlSplitter.split(script);
        // Invariant: every statement is a verbatim slice of the script at its offset.
        for (SqlStatement st : statements) {
            assertThat(script.substring(st.startOffset(), st.endOffset())).isEqualTo(st.sql());
            assertThat(TextPosition.of(script, st.startOffset()))
                    .isEqualTo(new TextPosition(st.line(), st.column()));
        }
        return statements.stream().map(SqlStatement::sql).toList();
    }

    private static SqlSyntaxException syntaxError(String script) {
        return catchThrowableOfType(SqlSyntaxException.class, () -> SqlSplitter.split(script));
    }

    @Nested
    class Basics {
        @Test
        void splitsOnSemicolonsAndTrimsTrailingWhitespace() {
            assertThat(sqls("SELECT 1;SELECT 2 ;\n  SELECT 3\t\n;"))
                    .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
        }

        @Test
        void lastStatementMayLackSemicolon() {
            assertThat(sqls("SELECT 1;\nSELECT 2\n\n")).containsExactly("SELECT 1", "SELECT 2");
            assertThat(sqls("SELECT 1")).containsExactly("SELECT 1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n\t ", ";", ";;  ;\n;", "-- only a comment",
                "-- one\n/* two /* nested */ */\n-- three;\n", "/* a */ ; -- b\n ; /**/"})
        void blankOrCommentOnlyScriptsYieldNothing(String script) {
            assertThat(SqlSplitter.split(script)).isEmpty();
        }

        @Test
        void emptyStatementsBetweenSemicolonsAreDropped() {
            assertThat(sqls("SELECT 1;;\n;SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void commentsInsideAndAtEndOfStatementAreKept() {
            assertThat(sqls("SELECT /* a; */ 1 -- b;\n , 2 /* keep */ \n\t ;"))
                    .containsExactly("SELECT /* a; */ 1 -- b;\n , 2 /* keep */");
        }

        @Test
        void leadingCommentsAreSkipped() {
            assertThat(sqls("-- header\n/* doc */ SELECT 1; -- after\nSELECT 2"))
                    .containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void resultIsUnmodifiableAndNullIsRejected() {
            assertThatThrownBy(() -> SqlSplitter.split("SELECT 1").add(null))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> SqlSplitter.split(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class DollarQuotes {
        @Test
        void emptyTag() {
            assertThat(sqls("DO $$ BEGIN PERFORM 1; END $$; SELECT 2"))
                    .containsExactly("DO $$ BEGIN PERFORM 1; END $$", "SELECT 2");
        }

        @Test
        void namedTagsIncludingDigitsUnderscoresAndNonAscii() {
            assertThat(sqls("SELECT $body$;$body$; SELECT $_a1$;$_a1$; SELECT $ñé$;$ñé$; SELECT 4"))
                    .containsExactly("SELECT $body$;$body$", "SELECT $_a1$;$_a1$", "SELECT $ñé$;$ñé$", "SELECT 4");
        }

        @Test
        void onlyTheSameTagCloses() {
            String outer = "SELECT $outer$ a; $inner$ b; $$ c; $$ d; $inner$ e; $outer$";
            assertThat(sqls(outer + "; SELECT 2")).containsExactly(outer, "SELECT 2");
        }

        @Test
        void tagsAreCaseSensitive() {
            String st = "SELECT $A$ x; $a$ y; $A$";
            assertThat(sqls(st + ";SELECT 2")).containsExactly(st, "SELECT 2");
        }

        @Test
        void emptyTagInsideNamedBody() {
            String st = "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ $fn$ LANGUAGE sql";
            assertThat(sqls(st + ";\nSELECT f();")).containsExactly(st, "SELECT f()");
        }

        @Test
        void closingTagNeedsNoSeparatorInsideBody() {
            assertThat(sqls("SELECT $q$x;$q$; SELECT $q$a$q$")).containsExactly("SELECT $q$x;$q$", "SELECT $q$a$q$");
        }

        @Test
        void positionalParametersAreNotDollarQuotes() {
            assertThat(sqls("PREPARE p(int, int) AS SELECT $1 + $2; EXECUTE p(1, 2); SELECT $1abc$;SELECT 3"))
                    .containsExactly("PREPARE p(int, int) AS SELECT $1 + $2", "EXECUTE p(1, 2)",
                            "SELECT $1abc$", "SELECT 3");
        }

        @Test
        void dollarInsideIdentifierDoesNotStartQuote() {
            assertThat(sqls("SELECT foo$bar$ FROM t; SELECT a$, x$$y; SELECT 3"))
                    .containsExactly("SELECT foo$bar$ FROM t", "SELECT a$, x$$y", "SELECT 3");
        }

        @Test
        void dollarAfterNumberStartsQuoteAsInServerScanner() {
            // Digits are not an identifier, so PostgreSQL lexes "1" then the dollar quote $a$;$a$.
            assertThat(sqls("SELECT 1$a$;$a$; SELECT 2")).containsExactly("SELECT 1$a$;$a$", "SELECT 2");
        }

        @Test
        void loneDollarAndIncompleteTagsAreNotQuotes() {
            assertThat(sqls("SELECT $ 1; SELECT $a b$; SELECT 3"))
                    .containsExactly("SELECT $ 1", "SELECT $a b$", "SELECT 3");
        }

        @Test
        void dollarQuoteAfterQuotedIdentifierOrOperatorStillCounts() {
            assertThat(sqls("SELECT \"x\"$a$;$a$, 1+$b$;$b$; SELECT 2"))
                    .containsExactly("SELECT \"x\"$a$;$a$, 1+$b$;$b$", "SELECT 2");
        }
    }

    @Nested
    class Comments {
        @Test
        void blockCommentsNest() {
            assertThat(sqls("/* a /* b; */ still; */ SELECT 1; SELECT /* x /* y */ ; */ 2;"))
                    .containsExactly("SELECT 1", "SELECT /* x /* y */ ; */ 2");
        }

        @Test
        void trickyBlockCommentDelimiters() {
            assertThat(sqls("SELECT 1 /**/; /*/ ; */ SELECT 2; SELECT 3 /* ** ; **/; SELECT 4 */* c; */ 5"))
                    .containsExactly("SELECT 1 /**/", "SELECT 2", "SELECT 3 /* ** ; **/", "SELECT 4 */* c; */ 5");
        }

        @Test
        void lineCommentsHideSemicolonsQuotesAndDollars() {
            assertThat(sqls("SELECT 1 -- it's; \"x $$ /* \n, 2; SELECT 3 -- eof; '"))
                    .containsExactly("SELECT 1 -- it's; \"x $$ /* \n, 2", "SELECT 3 -- eof; '");
        }

        @Test
        void doubleDashInsideOperatorStartsComment() {
            assertThat(sqls("SELECT 2--1;\n- 1; SELECT 3"))
                    .containsExactly("SELECT 2--1;\n- 1", "SELECT 3");
        }

        @Test
        void quotesHideCommentMarkers() {
            assertThat(sqls("SELECT '--', \"/*\", $$*/$$; SELECT 2"))
                    .containsExactly("SELECT '--', \"/*\", $$*/$$", "SELECT 2");
        }
    }

    @Nested
    class Strings {
        @Test
        void plainStringsUseDoubledQuotesAndNoBackslashEscapes() {
            assertThat(sqls("SELECT 'it''s; fine'; SELECT 'C:\\'; SELECT ''''; SELECT ''"))
                    .containsExactly("SELECT 'it''s; fine'", "SELECT 'C:\\'", "SELECT ''''", "SELECT ''");
        }

        @Test
        void escapeStringsHonourBackslashAndDoubledQuotes() {
            assertThat(sqls("SELECT E'it\\'s; ok'; SELECT e'back\\\\'; SELECT E'a''b;c'; SELECT E'\\\\\\';'"))
                    .containsExactly("SELECT E'it\\'s; ok'", "SELECT e'back\\\\'", "SELECT E'a''b;c'",
                            "SELECT E'\\\\\\';'");
        }

        @Test
        void ePrefixOnlyCountsAsAWholeWord() {
            // "some_e" and "note" end in e but are identifiers; the string after them is plain.
            assertThat(sqls("SELECT some_e'\\'; SELECT note'\\'; SELECT 3"))
                    .containsExactly("SELECT some_e'\\'", "SELECT note'\\'", "SELECT 3");
        }

        @Test
        void otherPrefixedStringsAreLexedAsPlainStrings() {
            assertThat(sqls("SELECT U&'\\'; SELECT B'10;1', X'1F;', N'a;b', U&'d\\0061t;' UESCAPE '!'; SELECT 3"))
                    .containsExactly("SELECT U&'\\'", "SELECT B'10;1', X'1F;', N'a;b', U&'d\\0061t;' UESCAPE '!'",
                            "SELECT 3");
        }

        @Test
        void quotedIdentifiersUseDoubledQuotes() {
            assertThat(sqls("SELECT \"a;b\", \"say \"\"hi\"\";\", U&\"d;\" FROM \"t\"; SELECT 2"))
                    .containsExactly("SELECT \"a;b\", \"say \"\"hi\"\";\", U&\"d;\" FROM \"t\"", "SELECT 2");
        }

        @Test
        void stringsMaySpanLines() {
            assertThat(sqls("INSERT INTO t VALUES ('a;\nb;\n');\nSELECT 2"))
                    .containsExactly("INSERT INTO t VALUES ('a;\nb;\n')", "SELECT 2");
        }
    }

    @Nested
    class RoutineBodies {
        @Test
        void beginAtomicBodyKeepsItsSemicolons() {
            String fn = """
                    CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                    BEGIN ATOMIC
                      SELECT a + b;
                      SELECT CASE WHEN a > 0 THEN 1 ELSE CASE WHEN b > 0 THEN 2 END END;
                    END""";
            assertThat(sqls(fn + ";\nSELECT add(1, 2);")).containsExactly(fn, "SELECT add(1, 2)");
        }

        @Test
        void createOrReplaceProcedureInAnyCase() {
            String proc = "create Or REPLACE procedure p() language sql begin atomic insert into t values (1); end";
            assertThat(sqls(proc + "; CALL p()")).containsExactly(proc, "CALL p()");
        }

        @Test
        void commentsBetweenHeadWordsDoNotMatter() {
            String fn = "CREATE /* c */ OR -- x\n REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END";
            assertThat(sqls(fn + "; SELECT 2")).containsExactly(fn, "SELECT 2");
        }

        @Test
        void caseOutsideBodyIsNotCounted() {
            assertThat(sqls("CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 END; SELECT 2"))
                    .containsExactly("CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 END",
                            "SELECT 2");
        }

        @Test
        void keywordsInsideParenthesesAreIgnored() {
            assertThat(sqls("CREATE FUNCTION f(begin int, \"end\" int) RETURNS int LANGUAGE sql RETURN 1; SELECT 2"))
                    .containsExactly("CREATE FUNCTION f(begin int, \"end\" int) RETURNS int LANGUAGE sql RETURN 1",
                            "SELECT 2");
        }

        @Test
        void plainTransactionBeginSplitsNormally() {
            assertThat(sqls("BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nBEGIN TRANSACTION; END;"))
                    .containsExactly("BEGIN", "INSERT INTO t VALUES (1)", "COMMIT", "BEGIN TRANSACTION", "END");
        }

        @Test
        void stateResetsAfterRoutineStatement() {
            assertThat(sqls("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; BEGIN; SELECT f(); COMMIT;"))
                    .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$", "BEGIN",
                            "SELECT f()", "COMMIT");
        }

        @Test
        void otherCreateStatementsDoNotTrackBegin() {
            assertThat(sqls("CREATE TABLE begin (x int); CREATE OR REPLACE VIEW v AS SELECT 1 AS begin; SELECT 3"))
                    .containsExactly("CREATE TABLE begin (x int)", "CREATE OR REPLACE VIEW v AS SELECT 1 AS begin",
                            "SELECT 3");
        }

        @Test
        void caseInsidePlpgsqlDollarBodyHasNoEffect() {
            String fn = """
                    CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE plpgsql AS $$
                    BEGIN
                      RETURN CASE WHEN x > 0 THEN 'pos' ELSE 'neg' END;
                    END;
                    $$""";
            assertThat(sqls(fn + ";\nSELECT sign_of(1);")).containsExactly(fn, "SELECT sign_of(1)");
        }

        @Test
        void semicolonsInsideParenthesesDoNotSplitLikePsql() {
            String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t)";
            assertThat(sqls(rule + "; SELECT 1); SELECT 2"))
                    .containsExactly(rule, "SELECT 1)", "SELECT 2");
        }
    }

    @Nested
    class Positions {
        @Test
        void pointsAtFirstTokenAfterBlankLinesAndComments() {
            String script = "\n\n  -- header; comment\n  /* block\n  comment */  SELECT 1;\n\tSELECT 2; SELECT 3;";
            List<SqlStatement> st = SqlSplitter.split(script);
            assertThat(st).extracting(SqlStatement::line, SqlStatement::column)
                    .containsExactly(tuple(5, 15),
                            tuple(6, 2),
                            tuple(6, 12));
            assertThat(st.get(0).startOffset()).isEqualTo(script.indexOf("SELECT 1"));
            assertThat(st.get(2).startOffset()).isEqualTo(script.indexOf("SELECT 3"));
        }

        @Test
        void multiByteAndSupplementaryCharactersCountOnce() {
            String script = "SELECT 'ñandú'; SELECT '日本'; SELECT '😀'; SELECT 4";
            List<SqlStatement> st = SqlSplitter.split(script);
            assertThat(st).extracting(SqlStatement::column).containsExactly(1, 17, 30, 42);
            assertThat(st.get(3).startOffset()).isEqualTo(42); // the emoji is two UTF-16 chars
        }

        @Test
        void positionsSurviveMultiLineStatements() {
            String script = "SELECT $$\n;\n$$;\n\nSELECT '\n\n'\n; SELECT 3";
            assertThat(SqlSplitter.split(script)).extracting(SqlStatement::line, SqlStatement::column)
                    .containsExactly(tuple(1, 1),
                            tuple(5, 1),
                            tuple(8, 3));
        }

        @Test
        void anIndexInAStatementMapsToItsPositionInTheScript() {
            String script = "-- x\n  SELECT 1,\n    'é😀', bad_col\n";
            SqlStatement st = SqlSplitter.split(script).get(0);
            assertThat(TextPosition.inStatement(st, 0)).isEqualTo(new TextPosition(2, 3));
            assertThat(TextPosition.inStatement(st, st.sql().indexOf("bad_col"))).isEqualTo(new TextPosition(3, 11));
            assertThat(TextPosition.inStatement(st, st.sql().indexOf("bad_col")))
                    .isEqualTo(TextPosition.of(script, script.indexOf("bad_col")));
            assertThat(TextPosition.inStatement(st, st.sql().length())).isEqualTo(new TextPosition(3, 18));
            assertThatThrownBy(() -> TextPosition.inStatement(st, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> TextPosition.inStatement(st, st.sql().length() + 1))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Nested
    class TextPositions {
        @Test
        void startAndEndOfText() {
            assertThat(TextPosition.of("", 0)).isEqualTo(new TextPosition(1, 1));
            assertThat(TextPosition.of("abc", 0)).isEqualTo(new TextPosition(1, 1));
            assertThat(TextPosition.of("abc", 3)).isEqualTo(new TextPosition(1, 4));
            assertThat(TextPosition.of("ab\n", 3)).isEqualTo(new TextPosition(2, 1));
        }

        @Test
        void newlineBelongsToTheLineItEnds() {
            assertThat(TextPosition.of("ab\ncd", 2)).isEqualTo(new TextPosition(1, 3));
            assertThat(TextPosition.of("ab\ncd", 3)).isEqualTo(new TextPosition(2, 1));
            assertThat(TextPosition.of("\n\n\n", 2)).isEqualTo(new TextPosition(3, 1));
        }

        @Test
        void carriageReturnIsAnOrdinaryCharacter() {
            assertThat(TextPosition.of("a\r\nb", 2)).isEqualTo(new TextPosition(1, 3));
            assertThat(TextPosition.of("a\rb", 2)).isEqualTo(new TextPosition(1, 3));
        }

        @Test
        void columnsCountCodePoints() {
            assertThat(TextPosition.of("😀x", 2)).isEqualTo(new TextPosition(1, 2));
            assertThat(TextPosition.of("é日😀\n😀", 4)).isEqualTo(new TextPosition(1, 4));
            assertThat(TextPosition.of("é日😀\n😀", 5)).isEqualTo(new TextPosition(2, 1));
            assertThat(TextPosition.of("é日😀\n😀", 7)).isEqualTo(new TextPosition(2, 2));
            assertThat(TextPosition.of("\uDC00\uDC00", 2)).isEqualTo(new TextPosition(1, 3)); // lone low surrogates
        }

        @Test
        void rejectsBadArguments() {
            assertThatThrownBy(() -> TextPosition.of("abc", -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> TextPosition.of("abc", 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> TextPosition.of(null, 0)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new TextPosition(0, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Unterminated {
        @Test
        void dollarQuote() {
            SqlSyntaxException e = syntaxError("SELECT 1;\n\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n$bod$;\n");
            assertThat(e.getMessage()).isEqualTo(
                    "unterminated dollar-quoted string $body$ starting at line 3, column 36: add the closing $body$");
            assertThat(e.construct()).isEqualTo("dollar-quoted string $body$");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(36);
            assertThat(e.offset()).isEqualTo(46);
        }

        @Test
        void emptyTagDollarQuote() {
            SqlSyntaxException e = syntaxError("DO $$ BEGIN END $");
            assertThat(e.getMessage()).startsWith("unterminated dollar-quoted string $$ starting at line 1, column 4");
        }

        @Test
        void plainString() {
            SqlSyntaxException e = syntaxError("SELECT 1;\n  SELECT 'it''s;\n");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(10);
            assertThat(e.getMessage()).startsWith("unterminated string '…' starting at line 2, column 10: add the closing '");
        }

        @Test
        void escapeStringReportsThePrefix() {
            SqlSyntaxException e = syntaxError("SELECT x,\n  E'it\\'s");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.construct()).isEqualTo("escape string E'…'");
        }

        @Test
        void escapeStringEndingInBackslash() {
            SqlSyntaxException e = syntaxError("SELECT e'abc\\");
            assertThat(e.column()).isEqualTo(8);
        }

        @Test
        void quotedIdentifier() {
            SqlSyntaxException e = syntaxError("SELECT 1;\nSELECT \"a\"\"b FROM t;");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(8);
            assertThat(e.construct()).isEqualTo("quoted identifier \"…\"");
        }

        @Test
        void nestedBlockComment() {
            SqlSyntaxException e = syntaxError("SELECT 1;\n\n/* outer /* inner */ still open;\nSELECT 2;");
            assertThat(e.getMessage()).isEqualTo(
                    "unterminated /* comment starting at line 3, column 1: nested comments need one */ per /*");
        }

        @Test
        void blockCommentOpenedAtLastChars() {
            assertThat(syntaxError("SELECT 1 /*").column()).isEqualTo(10);
            assertThat(syntaxError("SELECT 1 /*/").column()).isEqualTo(10);
        }

        @Test
        void positionAfterMultiByteCharacters() {
            SqlSyntaxException e = syntaxError("SELECT '😀é', \"x");
            assertThat(e.column()).isEqualTo(14);
        }
    }

    @Test
    void realisticMigration() {
        String script = """
                -- V7__audit_trail.sql
                -- Adds an audit table, a trigger function, a counting function and seed data.

                CREATE TABLE audit_log (
                    id          bigserial PRIMARY KEY,
                    table_name  text        NOT NULL,
                    operation   text        NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
                    changed_at  timestamptz NOT NULL DEFAULT now(),
                    payload     jsonb
                );

                COMMENT ON TABLE audit_log IS 'Row-level changes; written by audit_trigger()';

                CREATE OR REPLACE FUNCTION audit_trigger() RETURNS trigger
                LANGUAGE plpgsql
                AS $fn$
                DECLARE
                    row_data jsonb;
                BEGIN
                    /* TG_OP is one of INSERT; UPDATE; DELETE */
                    row_data := CASE TG_OP
                        WHEN 'DELETE' THEN to_jsonb(OLD)
                        ELSE to_jsonb(NEW)
                    END;
                    INSERT INTO audit_log (table_name, operation, payload)
                    VALUES (TG_TABLE_NAME, TG_OP, row_data);
                    RAISE NOTICE E'audit: %\\'s row; op=%', TG_TABLE_NAME, TG_OP;
                    RETURN COALESCE(NEW, OLD);
                END;
                $fn$;

                CREATE TRIGGER customers_audit
                    AFTER INSERT OR UPDATE OR DELETE ON customers
                    FOR EACH ROW EXECUTE FUNCTION audit_trigger();

                CREATE FUNCTION customer_count() RETURNS bigint
                    LANGUAGE sql STABLE
                BEGIN ATOMIC
                    SELECT count(*) FROM customers;
                END;

                INSERT INTO customers (name, note) VALUES
                    ('O''Brien', 'semi;colon'),
                    ('Zoë "Z" Ångström', $$dollar; quoted$$);
                INSERT INTO customers (name) VALUES ('plain') -- trailing; comment
                ;
                /* nested /* block */ comment; */
                UPDATE customers SET note = NULL WHERE note = ''
                """;
        assertThat(script.lines().count()).isGreaterThanOrEqualTo(45);

        List<SqlStatement> statements = SqlSplitter.split(script);
        List<String> texts = sqls(script);

        assertThat(statements).hasSize(8);
        assertThat(texts).extracting(t -> t.split("\\s+", 2)[0] + " " + t.split("\\s+", 3)[1])
                .containsExactly("CREATE TABLE", "COMMENT ON", "CREATE OR", "CREATE TRIGGER", "CREATE FUNCTION",
                        "INSERT INTO", "INSERT INTO", "UPDATE customers");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(4, 12, 14, 32, 36, 42, 45, 48);
        assertThat(statements).extracting(SqlStatement::column).containsOnly(1);
        assertThat(texts.get(2)).endsWith("END;\n$fn$");
        assertThat(texts.get(4)).endsWith("SELECT count(*) FROM customers;\nEND");
        assertThat(texts.get(6)).isEqualTo("INSERT INTO customers (name) VALUES ('plain') -- trailing; comment");
        assertThat(texts.get(7)).isEqualTo("UPDATE customers SET note = NULL WHERE note = ''");
    }

    @Nested
    class ExecutableSql {
        @Test
        void blanksCommentsKeepingLengthAndLineBreaks() {
            String sql = "insert into t values ('a -- b', $$/* c */$$) /* x\n; y */ -- z;\n, (E'\\'', \"--\")";
            String executable = SqlSplitter.executableSql(SqlSplitter.split(sql).get(0));

            assertThat(executable).isEqualTo("insert into t values ('a -- b', $$/* c */$$) " + " ".repeat(4) + "\n"
                    + " ".repeat(6) + " " + " ".repeat(5) + "\n, (E'\\'', \"--\")");
            assertThat(executable).hasSameSizeAs(sql);
        }

        @Test
        void blanksABlockCommentThatStartsWithSlashStarSlash() {
            // pgjdbc's own scanner ends this comment after "/*/" and would split the statement at the ';'.
            String executable = SqlSplitter.executableSql(SqlSplitter.split("select 1 /*/ ; */ + 1").get(0));

            assertThat(executable).isEqualTo("select 1 " + " ".repeat("/*/ ; */".length()) + " + 1");
        }

        @Test
        void keepsTheNumberOfCharactersWhereACommentHoldsACharacterBeyondTheBasicPlane() {
            String sql = "select /* \uD83D\uDE00 */ nope";
            String executable = SqlSplitter.executableSql(SqlSplitter.split(sql).get(0));

            assertThat(executable.codePointCount(0, executable.length())).isEqualTo(sql.codePointCount(0, sql.length()));
            assertThat(executable.indexOf("nope")).isEqualTo(sql.indexOf("nope") - 1);
        }

        @Test
        void leavesAStatementWithoutCommentsAsItIs() {
            String sql = "select '/* not a comment */' as \"-- nor this\"";
            SqlStatement statement = SqlSplitter.split(sql).get(0);
            assertThat(SqlSplitter.executableSql(statement)).isSameAs(statement.sql());
        }
    }

    @Test
    void scalesLinearlyOnLargeAndSingleLineScripts() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("CREATE FUNCTION f").append(i).append("() RETURNS int AS $b$ SELECT ").append(i)
                    .append("; $b$ LANGUAGE sql; /* c */ INSERT INTO t VALUES ('x;").append(i).append("');");
        }
        String script = many.toString(); // ~1.5 MB on one line
        List<SqlStatement> st = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SqlSplitter.split(script));
        assertThat(st).hasSize(40_000);
        assertThat(st.get(39_999).line()).isEqualTo(1);
        assertThat(st.get(39_999).column()).isEqualTo(st.get(39_999).startOffset() + 1);
    }

    @Test
    void tokensSkipCommentsAndFoldKeywordsButKeepQuotedText() {
        assertThat(SqlSplitter.tokens("CREATE /* a; b */ Unique\n-- c\nINDEX \"Mixed\" on t ('x')", 6))
                .containsExactly("create", "unique", "index", "\"Mixed\"", "on", "t");
    }

    @Test
    void lexiconFindsLineCommentsAndBackslashLinesOutsideQuotes() {
        ScriptLexicon lexicon = SqlSplitter.lexicon("-- one\nselect '\n\\x';\n  \\set a 1\nselect $$\n\\i f$$;\n");

        assertThat(lexicon.lineComments()).extracting(ScriptLexicon.Comment::text).containsExactly("-- one");
        assertThat(lexicon.backslashLineOffsets()).containsExactly(23);
    }
}
