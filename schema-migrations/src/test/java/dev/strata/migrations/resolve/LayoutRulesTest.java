package dev.strata.migrations.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each layout's names and text, without a file system or a database. */
class LayoutRulesTest {

    private static ScriptFile file(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return ScriptFile.of(name, path, new byte[0]);
    }

    private static List<LayoutRules.Entry> entries(LayoutRules rules, String path, String text) {
        LayoutRules.FileName name = rules.parseName(file(path)).orElseThrow();
        return ((LayoutRules.Read.Entries) rules.read(name, text)).entries();
    }

    @Nested
    class Sqlx {
        private final SqlxRules rules = new SqlxRules();

        @Test
        void plainFileIsAMigrationWithItsVersionAndDescription() {
            LayoutRules.FileName name = rules.parseName(file("db/20240105093000_add_users.sql")).orElseThrow();

            assertThat(name.kind()).isEqualTo(MigrationFileName.Kind.VERSIONED);
            assertThat(name.version()).isEqualTo(Version.parse("20240105093000"));
            assertThat(name.description()).isEqualTo("add users");
            assertThat(name.script()).isEqualTo("20240105093000_add_users.sql");
        }

        @Test
        void reversiblePairIsAMigrationAndItsUndo() {
            assertThat(rules.parseName(file("db/2_add_jobs.up.sql")).orElseThrow().kind())
                    .isEqualTo(MigrationFileName.Kind.VERSIONED);
            LayoutRules.FileName down = rules.parseName(file("db/2_add_jobs.down.sql")).orElseThrow();
            assertThat(down.kind()).isEqualTo(MigrationFileName.Kind.UNDO);
            assertThat(down.description()).isEqualTo("add jobs");
        }

        @Test
        void noTransactionFirstLineBecomesStrataDirectiveOnTheSameLineAndTheChecksumStaysTheFiles() {
            String text = "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n";

            LayoutRules.Entry entry = entries(rules, "db/3_index.sql", text).get(0);

            assertThat(entry.content())
                    .isEqualTo("-- strata:transaction=false\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
            assertThat(entry.checksumText()).isEqualTo(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"V1__init.sql", "add_users.sql", "1.sql", "1_.sql", "x1_users.sql"})
        void otherNamesAreNotSqlx(String name) {
            assertThat(rules.parseName(file("db/" + name))).isEmpty();
            assertThat(rules.explainMismatch(file("db/" + name))).isNotBlank();
        }

        @Test
        void aDbmateFileIsNotTakenForSqlx() {
            assertThat(rules.accepts(file("db/1_users.sql"), "-- migrate:up\nSELECT 1;\n")).isFalse();
            assertThat(rules.accepts(file("db/1_users.sql"), "SELECT 1;\n")).isTrue();
        }
    }

    @Nested
    class GolangMigrate {
        private final GolangMigrateRules rules = new GolangMigrateRules();

        @Test
        void upAndDownFilesKeepZeroPaddedVersionsAsNumbers() {
            LayoutRules.FileName up = rules.parseName(file("m/000012_add_index.up.sql")).orElseThrow();
            LayoutRules.FileName down = rules.parseName(file("m/000012_add_index.down.sql")).orElseThrow();

            assertThat(up.version()).isEqualTo(Version.parse("12"));
            assertThat(up.kind()).isEqualTo(MigrationFileName.Kind.VERSIONED);
            assertThat(down.kind()).isEqualTo(MigrationFileName.Kind.UNDO);
        }

        @Test
        void aFileWithoutUpOrDownIsNamedAsMisnamed() {
            assertThat(rules.parseName(file("m/1_init.sql"))).isEmpty();
            assertThat(rules.explainMismatch(file("m/1_init.sql"))).contains(".up.sql or .down.sql");
        }

        @Test
        void textRunsAsWritten() {
            assertThat(entries(rules, "m/1_init.up.sql", "CREATE TABLE t (id int);\n"))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.content()).isEqualTo("CREATE TABLE t (id int);\n"));
        }
    }

    @Nested
    class Dbmate {
        private final DbmateRules rules = new DbmateRules();

        @Test
        void upAndDownSectionsBecomeAMigrationAndItsUndoKeepingLineNumbers() {
            String text = "-- migrate:up\nCREATE TABLE t (id int);\n\n-- migrate:down\nDROP TABLE t;\n";

            List<LayoutRules.Entry> entries = entries(rules, "db/20240105093000_t.sql", text);

            assertThat(entries).extracting(LayoutRules.Entry::kind)
                    .containsExactly(MigrationFileName.Kind.VERSIONED, MigrationFileName.Kind.UNDO);
            assertThat(entries.get(0).content()).isEqualTo("-- migrate:up\nCREATE TABLE t (id int);\n\n");
            assertThat(entries.get(0).checksumText()).isEqualTo("-- migrate:up\nCREATE TABLE t (id int);\n\n");
            // DROP TABLE stays on line 5, as in the file.
            assertThat(entries.get(1).content()).isEqualTo("\n\n\n-- migrate:down\nDROP TABLE t;\n\n");
            assertThat(entries.get(1).content().split("\n", -1)[4]).isEqualTo("DROP TABLE t;");
        }

        @Test
        void transactionFalseBecomesTheNonTransactionalDirective() {
            String text = "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (c);\n"
                    + "-- migrate:down\nDROP INDEX i;\n";

            List<LayoutRules.Entry> entries = entries(rules, "db/2_i.sql", text);

            assertThat(entries.get(0).content()).startsWith("-- strata:transaction=false\nCREATE INDEX CONCURRENTLY");
            assertThat(entries.get(0).checksumText()).startsWith("-- migrate:up transaction:false\n");
            assertThat(entries.get(1).content()).doesNotContain("strata:transaction");
        }

        @Test
        void aDownSectionWithoutStatementsMeansNoUndo() {
            List<LayoutRules.Entry> entries = entries(rules, "db/1_t.sql",
                    "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\n-- nothing to undo\n");

            assertThat(entries).extracting(LayoutRules.Entry::kind).containsExactly(MigrationFileName.Kind.VERSIONED);
        }

        @Test
        void aFileWithoutAnUpMarkerIsRejectedNamingTheLine() {
            LayoutRules.Read read = rules.read(rules.parseName(file("db/1_t.sql")).orElseThrow(), "-- a comment\n");

            assertThat(read).isInstanceOfSatisfying(LayoutRules.Read.Rejected.class, rejected -> {
                assertThat(rejected.kind()).isEqualTo(ProblemKind.INVALID_DIRECTIVE);
                assertThat(rejected.message()).contains("no '-- migrate:up' line");
            });
        }

        @Test
        void sqlAboveTheUpMarkerAndUnknownOptionsAreRejected() {
            LayoutRules.FileName name = rules.parseName(file("db/1_t.sql")).orElseThrow();

            assertThat(rules.read(name, "SELECT 1;\n-- migrate:up\nSELECT 2;\n"))
                    .isInstanceOfSatisfying(LayoutRules.Read.Rejected.class,
                            rejected -> assertThat(rejected.message()).startsWith("line 1 holds SQL above"));
            assertThat(rules.read(name, "-- migrate:up fast:yes\nSELECT 2;\n"))
                    .isInstanceOfSatisfying(LayoutRules.Read.Rejected.class,
                            rejected -> assertThat(rejected.message()).contains("'fast:yes'"));
            assertThat(rules.read(name, "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n"))
                    .isInstanceOfSatisfying(LayoutRules.Read.Rejected.class,
                            rejected -> assertThat(rejected.message()).contains("line 3 has a second"));
        }

        @Test
        void versionsCompareAsStrings() {
            assertThat(rules.order()).isEqualTo(LayoutRules.VersionOrder.STRING);
        }
    }

    @Nested
    class Diesel {
        private final DieselRules rules = new DieselRules();

        @Test
        void upAndDownInAVersionDirectoryAreAMigrationAndItsUndo() {
            LayoutRules.FileName up = rules.parseName(file("migrations/2024-01-05-093000_add_users/up.sql"))
                    .orElseThrow();
            LayoutRules.FileName down = rules.parseName(file("migrations/2024-01-05-093000_add_users/down.sql"))
                    .orElseThrow();

            assertThat(up.version()).isEqualTo(Version.parse("20240105093000"));
            assertThat(up.description()).isEqualTo("add users");
            assertThat(up.script()).isEqualTo("2024-01-05-093000_add_users/up.sql");
            assertThat(down.kind()).isEqualTo(MigrationFileName.Kind.UNDO);
            assertThat(down.script()).isEqualTo("2024-01-05-093000_add_users/down.sql");
        }

        @Test
        void filesOutsideAVersionDirectoryOrWithOtherNamesAreNotDiesel() {
            assertThat(rules.parseName(file("migrations/up.sql"))).isEmpty();
            assertThat(rules.parseName(file("migrations/2024-01-05_x/seed.sql"))).isEmpty();
            assertThat(rules.parseName(file("migrations/latest_x/up.sql"))).isEmpty();
            assertThat(rules.explainMismatch(file("migrations/2024-01-05_x/seed.sql"))).contains("up.sql and down.sql");
        }
    }

    @Nested
    class Strata {
        @Test
        void keepsTodaysNames() {
            StrataRules rules = new StrataRules();
            assertThat(rules.parseName(file("db/V3__jobs.sql")).map(LayoutRules.FileName::kind))
                    .contains(MigrationFileName.Kind.VERSIONED);
            assertThat(rules.parseName(file("db/U3__jobs.sql")).map(LayoutRules.FileName::kind))
                    .contains(MigrationFileName.Kind.UNDO);
            assertThat(rules.parseName(file("db/R__views.sql")).orElseThrow().kind())
                    .isEqualTo(MigrationFileName.Kind.REPEATABLE);
            assertThat(rules.parseName(file("db/1_jobs.sql"))).isEmpty();
        }
    }

    @Nested
    class Names {
        @Test
        void everyLayoutHasItsConfigName() {
            assertThat(Layout.parse("golang-migrate")).contains(Layout.GOLANG_MIGRATE);
            assertThat(Layout.parse(" DBMATE ")).contains(Layout.DBMATE);
            assertThat(Layout.parse("flyway")).isEmpty();
            assertThat(Layout.names()).isEqualTo("strata, sqlx, golang-migrate, dbmate, diesel, auto");
        }
    }
}
