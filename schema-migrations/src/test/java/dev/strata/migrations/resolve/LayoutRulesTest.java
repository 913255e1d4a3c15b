package dev.strata.migrations.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
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

    private static MigrationId versioned(String version) {
        return new MigrationId.Versioned(Version.parse(version));
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
            assertThat(name.id()).isEqualTo(versioned("20240105093000"));
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

            assertThat(up.id()).isEqualTo(versioned("12"));
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
            assertThat(rules.order()).isEqualTo(dev.strata.migrations.core.VersionOrder.STRING);
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

            assertThat(up.id()).isEqualTo(versioned("20240105093000"));
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

        @Test
        void aRepeatableFileIsKnownByItsNameAndHasNoVersion() {
            LayoutRules.FileName name = new StrataRules().parseName(file("db/R__views.sql")).orElseThrow();
            assertThat(name.id()).isEqualTo(new MigrationId.Repeatable("R__views.sql"));
            assertThat(name.id().versionNumber()).isEmpty();
            assertThat(new StrataRules().parseName(file("db/U3__jobs.sql")).orElseThrow().id())
                    .isEqualTo(versioned("3"));
        }

        @Test
        void aNameWhoseKindAndIdentityDisagreeCannotBeMade() {
            assertThatIllegalArgumentException().isThrownBy(() -> new LayoutRules.FileName(
                    MigrationFileName.Kind.REPEATABLE, versioned("3"), "views", "R__views.sql"));
            assertThatIllegalArgumentException().isThrownBy(() -> new LayoutRules.Entry(
                    MigrationFileName.Kind.UNDO, new MigrationId.Repeatable("R__views.sql"), "views", "R__views.sql",
                    "", ""));
        }
    }

    @Nested
    class Names {
        @Test
        void everyLayoutHasItsConfigName() {
            assertThat(Layout.parse("golang-migrate")).contains(Layout.GOLANG_MIGRATE);
            assertThat(Layout.parse(" DBMATE ")).contains(Layout.DBMATE);
            assertThat(Layout.parse("flyway")).isEmpty();
            assertThat(Layout.names()).isEqualTo("strata, sqlx, golang-migrate, dbmate, diesel, goose, popx,"
                    + " temporal-sql-tool, auto");
        }
    }

    @Nested
    class Goose {
        private final GooseRules rules = new GooseRules();

        @Test
        void upSectionIsTheMigrationAndDownSectionItsUndoKeepingTheFilesLineNumbers() {
            String text = "-- +goose Up\nCREATE TABLE t (id int);\n\n-- +goose Down\nDROP TABLE t;\n";

            List<LayoutRules.Entry> read = entries(rules, "db/00001_t.sql", text);

            assertThat(read).extracting(LayoutRules.Entry::kind)
                    .containsExactly(MigrationFileName.Kind.VERSIONED, MigrationFileName.Kind.UNDO);
            assertThat(read.get(0).content()).isEqualTo("-- +goose Up\nCREATE TABLE t (id int);\n\n");
            assertThat(read.get(1).content()).isEqualTo("\n\n\n-- +goose Down\nDROP TABLE t;\n\n");
            assertThat(read.get(0).id()).isEqualTo(versioned("1"));
        }

        @Test
        void noTransactionMakesEachSectionsMarkerStratasDirective() {
            String text = "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (c);\n"
                    + "-- +goose Down\nDROP INDEX CONCURRENTLY i;\n";

            List<LayoutRules.Entry> read = entries(rules, "db/2_i.sql", text);

            assertThat(read.get(0).content()).startsWith("\n-- strata:transaction=false\nCREATE INDEX");
            assertThat(read.get(1).content()).contains("-- strata:transaction=false\nDROP INDEX");
            assertThat(read.get(0).checksumText()).startsWith("-- +goose NO TRANSACTION\n");
        }

        @Test
        void statementBlocksStayAndAnOpenBlockIsRejectedNamingItsLine() {
            LayoutRules.FileName name = rules.parseName(file("db/3_f.sql")).orElseThrow();
            String block = "-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1;"
                    + " $$ LANGUAGE sql;\n";

            assertThat(rules.read(name, block + "-- +goose StatementEnd\n"))
                    .isInstanceOf(LayoutRules.Read.Entries.class);
            assertThat(rules.read(name, block)).isInstanceOfSatisfying(LayoutRules.Read.Rejected.class,
                    rejected -> assertThat(rejected.message()).isEqualTo("line 2 opens a StatementBegin block that"
                            + " no StatementEnd closes"));
        }

        @Test
        void anAnnotationStrataDoesNotReadIsRejectedNotIgnored() {
            LayoutRules.FileName name = rules.parseName(file("db/4_e.sql")).orElseThrow();

            assertThat(rules.read(name, "-- +goose ENVSUB ON\n-- +goose Up\nSELECT '${X}';\n"))
                    .isInstanceOfSatisfying(LayoutRules.Read.Rejected.class,
                            rejected -> assertThat(rejected.message()).contains("'ENVSUB ON'"));
        }

        @Test
        void autoTellsGooseFromSqlxAndDbmateByItsMarker() {
            String text = "-- +goose Up\nSELECT 1;\n";

            assertThat(rules.accepts(file("db/1_a.sql"), text)).isTrue();
            assertThat(new SqlxRules().accepts(file("db/1_a.sql"), text)).isFalse();
            assertThat(new DbmateRules().accepts(file("db/1_a.sql"), text)).isFalse();
            assertThat(rules.order()).isEqualTo(dev.strata.migrations.core.VersionOrder.NUMERIC);
        }
    }

    @Nested
    class Popx {
        private final PopxRules rules = new PopxRules();

        private List<String> selected(String... paths) {
            List<ScriptFile> files = java.util.Arrays.stream(paths).map(LayoutRulesTest::file).toList();
            return rules.select(files, List.of()).files().stream().map(ScriptFile::name).toList();
        }

        @Test
        void thePostgresFileIsReadOverTheGenericOneAndOtherDialectsArePassedOver() {
            assertThat(selected("m/1_users.up.sql", "m/1_users.postgres.up.sql", "m/1_users.mysql.up.sql",
                    "m/1_users.down.sql", "m/2_x.cockroach.up.sql"))
                    .containsExactlyInAnyOrder("1_users.postgres.up.sql", "1_users.down.sql");
        }

        @Test
        void passedOverDialectsAreCountedInANote() {
            List<ScriptFile> files = List.of(file("m/1_a.mysql.up.sql"), file("m/2_b.mysql.up.sql"),
                    file("m/2_b.up.sql"));

            assertThat(rules.select(files, List.of()).notes()).singleElement().asString()
                    .startsWith("popx: passed over 2 files of the mysql dialect");
        }

        @Test
        void autocommitIsReadWithOrWithoutADialectAndRunsWithoutATransaction() {
            assertThat(PopxRules.PopxName.parse("5_idx.postgres.autocommit.up.sql")).hasValueSatisfying(name -> {
                assertThat(name.dialect()).contains("postgres");
                assertThat(name.autocommit()).isTrue();
            });
            assertThat(PopxRules.PopxName.parse("5_idx.autocommit.up.sql")).hasValueSatisfying(name -> {
                assertThat(name.dialect()).isEmpty();
                assertThat(name.autocommit()).isTrue();
            });
            assertThat(Layout.POPX.runsWithoutTransaction("5_idx.autocommit.up.sql")).isTrue();
            assertThat(Layout.POPX.runsWithoutTransaction("5_idx.up.sql")).isFalse();
        }

        @Test
        void autoChoosesPopxOnlyWhenAFileShowsADialectOrAutocommit() {
            assertThat(rules.shows(file("m/1_a.up.sql"), "")).isFalse();
            assertThat(rules.shows(file("m/1_a.postgres.up.sql"), "")).isTrue();
            assertThat(rules.order()).isEqualTo(dev.strata.migrations.core.VersionOrder.STRING);
        }
    }

    @Nested
    class Temporal {
        private final TemporalRules rules = new TemporalRules();

        private static ScriptFile manifest(String path, String json) {
            return ScriptFile.of("manifest.json", path, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Test
        void eachListedFileIsAMigrationVersionedByItsManifestAndPosition() {
            LayoutRules.Selection selection = rules.select(List.of(file("s/v1.1/b.sql"), file("s/v1.1/a.sql")),
                    List.of(manifest("s/v1.1/manifest.json", "{\"CurrVersion\": \"1.1\", \"Description\":"
                            + " \"add tasks\", \"SchemaUpdateCqlFiles\": [\"b.sql\", \"a.sql\"]}")));

            assertThat(selection.problems()).isEmpty();
            LayoutRules.FileName first = selection.rules().parseName(file("s/v1.1/b.sql")).orElseThrow();
            assertThat(first.id()).isEqualTo(versioned("1.1.1"));
            assertThat(first.script()).isEqualTo("v1.1/b.sql");
            assertThat(first.description()).isEqualTo("add tasks (b.sql)");
            assertThat(selection.rules().parseName(file("s/v1.1/a.sql")).orElseThrow().id())
                    .isEqualTo(versioned("1.1.2"));
        }

        @Test
        void aFileTheManifestDoesNotListIsNotReadAndSaysWhy() {
            LayoutRules.Selection selection = rules.select(List.of(file("s/v1.0/extra.sql")),
                    List.of(manifest("s/v1.0/manifest.json",
                            "{\"CurrVersion\": \"1.0\", \"SchemaUpdateCqlFiles\": []}")));

            assertThat(selection.rules().parseName(file("s/v1.0/extra.sql"))).isEmpty();
            assertThat(selection.rules().explainMismatch(file("s/v1.0/extra.sql"))).contains("does not list it");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{not json", "{\"SchemaUpdateCqlFiles\": []}", "{\"CurrVersion\": \"1.0\"}",
                "{\"CurrVersion\": \"2.0\", \"SchemaUpdateCqlFiles\": []}",
                "{\"CurrVersion\": \"1.0\", \"SchemaUpdateCqlFiles\": [\"gone.sql\"]}"})
        void aBrokenManifestIsAProblemNamingIt(String json) {
            LayoutRules.Selection selection = rules.select(List.of(),
                    List.of(manifest("s/v1.0/manifest.json", json)));

            assertThat(selection.problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).startsWith("s/v1.0/manifest.json "));
        }
    }

    @Nested
    class VersionOrders {
        private static ResolvedMigration migration(String version) {
            return new ResolvedMigration(new MigrationId.Versioned(Version.parse(version)), "m", version + "_m.sql",
                    "db/" + version + "_m.sql",
                    "SELECT 1;", dev.strata.migrations.core.Checksum.of("SELECT 1;"));
        }

        @Test
        void stringOrderPutsAnEighteenDigitVersionWhereItsTextSorts() {
            List<Version> versions = new java.util.ArrayList<>(List.of(Version.parse("20240101000000"),
                    Version.parse("202301010000000001"), Version.parse("20230101000000")));

            versions.sort(dev.strata.migrations.core.VersionOrder.STRING);

            assertThat(versions).extracting(Version::toString)
                    .containsExactly("20230101000000", "202301010000000001", "20240101000000");
        }

        @Test
        void filesWhosePositionDiffersAreAWarningNamingEachWhenTheLayoutsAgree() {
            List<ResolvedMigration> inStringOrder = List.of(migration("20230101000000"),
                    migration("202301010000000001"), migration("20240101000000"));

            VersionOrderCheck.Findings findings = VersionOrderCheck.check(
                    dev.strata.migrations.core.VersionOrder.STRING, true, inStringOrder);

            assertThat(findings.problems()).isEmpty();
            assertThat(findings.notes()).singleElement().asString().startsWith("warning: versions are compared as"
                            + " strings")
                    .contains("db/202301010000000001_m.sql, db/20240101000000_m.sql")
                    .doesNotContain("db/20230101000000_m.sql");
        }

        @Test
        void filesWhosePositionDiffersAreProblemsWhenTheLayoutsDisagree() {
            VersionOrderCheck.Findings findings = VersionOrderCheck.check(
                    dev.strata.migrations.core.VersionOrder.NUMERIC, false, List.of(migration("9"), migration("10")));

            assertThat(findings.problems()).extracting(problem -> problem.kind())
                    .containsOnly(ProblemKind.VERSION_ORDER).hasSize(2);
        }

        @Test
        void equalWidthVersionsAgreeInBothOrdersAndGiveNothing() {
            VersionOrderCheck.Findings findings = VersionOrderCheck.check(
                    dev.strata.migrations.core.VersionOrder.NUMERIC, true, List.of(migration("1"), migration("2")));

            assertThat(findings.problems()).isEmpty();
            assertThat(findings.notes()).isEmpty();
        }
    }

    @Nested
    class Locations {
        @Test
        void anEntryMayNameItsOwnLayout() {
            LocationEntry entry = LocationEntry.parse("filesystem:db/legacy?layout=golang-migrate");

            assertThat(entry.location()).isEqualTo(Location.parse("filesystem:db/legacy"));
            assertThat(entry.layout()).contains(Layout.GOLANG_MIGRATE);
            assertThat(LocationEntry.parse("classpath:db/migration").layout()).isEmpty();
        }

        @Test
        void anUnknownLayoutOrSettingIsAnErrorNamingTheAcceptedOnes() {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> LocationEntry.parse("filesystem:db?layout=flyway"))
                    .hasMessageContaining("'flyway'").hasMessageContaining("goose, popx");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocationEntry.parse("filesystem:db?format=x"))
                    .hasMessageContaining("?layout=<layout>");
        }

        @Test
        void aLocationWithoutItsOwnLayoutTakesTheOneForAll() {
            Location legacy = Location.parse("filesystem:legacy");
            LocationLayouts layouts = LocationLayouts.uniform(Layout.STRATA).with(legacy, Layout.DBMATE);

            assertThat(layouts.of(legacy)).isEqualTo(Layout.DBMATE);
            assertThat(layouts.of(Location.DEFAULT)).isEqualTo(Layout.STRATA);
        }
    }
}
