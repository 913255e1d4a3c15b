package dev.strata.migrations.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver reading folders of each layout: files on disk, no database. */
class LayoutResolutionTest {

    @TempDir
    Path dir;

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ResolvedMigrations resolve(Layout layout) {
        return new MigrationResolver(getClass().getClassLoader(), layout)
                .resolve(List.of(new Location.Filesystem(dir)));
    }

    private static List<String> scripts(List<ResolvedMigration> migrations) {
        return migrations.stream().map(ResolvedMigration::script).toList();
    }

    @Test
    void sqlxFolderResolvesMigrationsAndPairsDownFilesAsUndos() throws IOException {
        write("1_users.up.sql", "CREATE TABLE users (id int);\n");
        write("1_users.down.sql", "DROP TABLE users;\n");
        write("2_seed.sql", "INSERT INTO users VALUES (1);\n");

        ResolvedMigrations resolved = resolve(Layout.SQLX);

        assertThat(resolved.problems()).isEmpty();
        assertThat(scripts(resolved.migrations())).containsExactly("1_users.up.sql", "2_seed.sql");
        assertThat(scripts(resolved.undos())).containsExactly("1_users.down.sql");
        assertThat(resolved.migrations().get(0).checksum()).isEqualTo(Checksum.of("CREATE TABLE users (id int);\n"));
    }

    @Test
    void aStrataNameInASqlxFolderIsMisnamedWithTheLayoutsExpectedNames() throws IOException {
        write("1_users.sql", "CREATE TABLE users (id int);\n");
        write("V2__jobs.sql", "CREATE TABLE jobs (id int);\n");

        ResolvedMigrations resolved = resolve(Layout.SQLX);

        assertThat(resolved.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.MISNAMED);
            assertThat(problem.message()).contains("V2__jobs.sql is not a sqlx migration file name")
                    .contains("expected <version>_<description>.sql");
        });
    }

    @Test
    void dbmateFileGivesItsUpSectionAsMigrationAndDownSectionAsUndoUnderOneScriptName() throws IOException {
        write("20240101000000_users.sql",
                "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n");

        ResolvedMigrations resolved = resolve(Layout.DBMATE);

        assertThat(resolved.problems()).isEmpty();
        assertThat(scripts(resolved.migrations())).containsExactly("20240101000000_users.sql");
        assertThat(resolved.undos()).singleElement().satisfies(undo -> {
            assertThat(undo.script()).isEqualTo("20240101000000_users.sql");
            assertThat(undo.content()).contains("DROP TABLE users;");
        });
        assertThat(resolved.migrations().get(0).checksum())
                .isEqualTo(Checksum.of("-- migrate:up\nCREATE TABLE users (id int);\n"));
    }

    @Test
    void dbmateFolderOfFourteenAndEighteenDigitVersionsRunsInStringOrderWithAWarningNamingTheFilesThatMove()
            throws IOException {
        write("20230105000000_a.sql", "-- migrate:up\nSELECT 1;\n");
        write("202301050000000500_b.sql", "-- migrate:up\nSELECT 1;\n");
        write("20230106000000_c.sql", "-- migrate:up\nSELECT 1;\n");

        ResolvedMigrations resolved = resolve(Layout.DBMATE);

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.order()).isEqualTo(dev.strata.migrations.core.VersionOrder.STRING);
        assertThat(scripts(resolved.migrations()))
                .containsExactly("20230105000000_a.sql", "202301050000000500_b.sql", "20230106000000_c.sql");
        assertThat(resolved.notes()).singleElement().asString().startsWith("warning: versions are compared as strings")
                .contains("202301050000000500_b.sql").contains("20230106000000_c.sql")
                .doesNotContain("20230105000000_a.sql");
    }

    @Test
    void locationsOfDifferentLayoutsResolveTogetherEachInItsOwn(@TempDir Path other) throws IOException {
        write("V1__users.sql", "CREATE TABLE users (id int);\n");
        Files.writeString(other.resolve("2_jobs.up.sql"), "CREATE TABLE jobs (id int);\n");
        Files.writeString(other.resolve("2_jobs.down.sql"), "DROP TABLE jobs;\n");
        Location legacy = new Location.Filesystem(other);

        ResolvedMigrations resolved = new MigrationResolver(getClass().getClassLoader(),
                LocationLayouts.uniform(Layout.STRATA).with(legacy, Layout.GOLANG_MIGRATE), false)
                .resolve(List.of(new Location.Filesystem(dir), legacy));

        assertThat(resolved.problems()).isEmpty();
        assertThat(scripts(resolved.migrations())).containsExactly("V1__users.sql", "2_jobs.up.sql");
        assertThat(resolved.migrations()).extracting(ResolvedMigration::layout)
                .containsExactly(Layout.STRATA, Layout.GOLANG_MIGRATE);
        assertThat(scripts(resolved.undos())).containsExactly("2_jobs.down.sql");
    }

    @Test
    void autoDetectsEachLocationOnItsOwn(@TempDir Path other) throws IOException {
        write("V1__users.sql", "CREATE TABLE users (id int);\n");
        Files.writeString(other.resolve("2_jobs.sql"), "-- +goose Up\nCREATE TABLE jobs (id int);\n");

        ResolvedMigrations resolved = new MigrationResolver(getClass().getClassLoader(), Layout.AUTO)
                .resolve(List.of(new Location.Filesystem(dir), new Location.Filesystem(other)));

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.notes()).anySatisfy(note -> assertThat(note).startsWith("layout auto: detected strata"))
                .anySatisfy(note -> assertThat(note).startsWith("layout auto: detected goose"));
    }

    @Test
    void layoutsThatOrderVersionsDifferentlyRefuseFilesWhosePositionsDisagree(@TempDir Path other)
            throws IOException {
        write("V9__a.sql", "SELECT 1;\n");
        Files.writeString(other.resolve("10_b.sql"), "-- migrate:up\nSELECT 1;\n");
        Location legacy = new Location.Filesystem(other);

        ResolvedMigrations resolved = new MigrationResolver(getClass().getClassLoader(),
                LocationLayouts.uniform(Layout.STRATA).with(legacy, Layout.DBMATE), false)
                .resolve(List.of(new Location.Filesystem(dir), legacy));

        assertThat(resolved.problems()).extracting(Problem::kind).containsOnly(ProblemKind.VERSION_ORDER);
    }

    @Test
    void aMigrationWrittenInGoIsAProblemNamingItUnlessSkippingIsAcceptedThenANote() throws IOException {
        write("1_users.up.sql", "CREATE TABLE users (id int);\n");
        write("2_backfill.go", "package migrations\n");
        write("2_backfill_test.go", "package migrations\n");

        ResolvedMigrations refused = resolve(Layout.GOLANG_MIGRATE);
        ResolvedMigrations skipped = new MigrationResolver(getClass().getClassLoader(),
                LocationLayouts.uniform(Layout.GOLANG_MIGRATE), true).resolve(List.of(new Location.Filesystem(dir)));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.GO_MIGRATION);
            assertThat(problem.message()).endsWith("/2_backfill.go (version 2) is a golang-migrate migration written"
                    + " in Go, which Strata cannot run");
        });
        assertThat(skipped.problems()).isEmpty();
        assertThat(skipped.notes()).singleElement().asString().startsWith("skipped: ").contains("2_backfill.go");
        assertThat(resolve(Layout.STRATA).problems()).extracting(Problem::kind).doesNotContain(ProblemKind.GO_MIGRATION);
    }

    @Test
    void popxFolderReadsThePostgresFilesAndIsDetectedByThem() throws IOException {
        write("20240101000000_users.up.sql", "CREATE TABLE users (id text);\n");
        write("20240101000000_users.postgres.up.sql", "CREATE TABLE users (id uuid);\n");
        write("20240101000000_users.mysql.up.sql", "CREATE TABLE users (id char(36));\n");
        write("20240101000000_users.down.sql", "DROP TABLE users;\n");

        ResolvedMigrations resolved = resolve(Layout.AUTO);

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.notes()).first().asString().startsWith("layout auto: detected popx");
        assertThat(scripts(resolved.migrations())).containsExactly("20240101000000_users.postgres.up.sql");
        assertThat(scripts(resolved.undos())).containsExactly("20240101000000_users.down.sql");
    }

    @Test
    void temporalFolderRunsInManifestOrderAndIsDetected() throws IOException {
        write("v0.1/manifest.json", "{\"CurrVersion\": \"0.1\", \"SchemaUpdateCqlFiles\": [\"base.sql\"]}");
        write("v0.1/base.sql", "CREATE TABLE a (id int);\n");
        write("v0.10/manifest.json",
                "{\"CurrVersion\": \"0.10\", \"SchemaUpdateCqlFiles\": [\"z.sql\", \"b.sql\"]}");
        write("v0.10/z.sql", "CREATE TABLE z (id int);\n");
        write("v0.10/b.sql", "CREATE TABLE b (id int);\n");
        write("v0.2/manifest.json", "{\"CurrVersion\": \"0.2\", \"SchemaUpdateCqlFiles\": [\"c.sql\"]}");
        write("v0.2/c.sql", "CREATE TABLE c (id int);\n");

        ResolvedMigrations resolved = resolve(Layout.AUTO);

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.notes()).first().asString().startsWith("layout auto: detected temporal-sql-tool");
        assertThat(scripts(resolved.migrations()))
                .containsExactly("v0.1/base.sql", "v0.2/c.sql", "v0.10/z.sql", "v0.10/b.sql");
    }

    @Test
    void equalWidthDbmateVersionsAgreeInBothOrders() throws IOException {
        write("20240101000000_a.sql", "-- migrate:up\nSELECT 1;\n");
        write("20240202000000_b.sql", "-- migrate:up\nSELECT 1;\n");

        assertThat(resolve(Layout.DBMATE).problems()).isEmpty();
    }

    @Test
    void golangMigrateVersionsOfDifferentWidthRunNumericallyWithANote() throws IOException {
        write("9_a.up.sql", "SELECT 1;\n");
        write("10_b.up.sql", "SELECT 1;\n");

        ResolvedMigrations resolved = resolve(Layout.GOLANG_MIGRATE);

        assertThat(resolved.problems()).isEmpty();
        assertThat(scripts(resolved.migrations())).containsExactly("9_a.up.sql", "10_b.up.sql");
        assertThat(resolved.notes()).singleElement().asString().contains("compared as numbers").contains("9_a.up.sql");
    }

    @Test
    void dieselDirectoriesResolveWithTheirDirectoryInTheScriptName() throws IOException {
        write("2024-01-05-093000_users/up.sql", "CREATE TABLE users (id int);\n");
        write("2024-01-05-093000_users/down.sql", "DROP TABLE users;\n");

        ResolvedMigrations resolved = resolve(Layout.DIESEL);

        assertThat(resolved.problems()).isEmpty();
        assertThat(scripts(resolved.migrations())).containsExactly("2024-01-05-093000_users/up.sql");
        assertThat(scripts(resolved.undos())).containsExactly("2024-01-05-093000_users/down.sql");
    }

    @Test
    void autoDetectsEachLayoutAndSaysSo() throws IOException {
        write("1_users.up.sql", "CREATE TABLE users (id int);\n");
        write("1_users.down.sql", "DROP TABLE users;\n");

        ResolvedMigrations resolved = resolve(Layout.AUTO);

        assertThat(resolved.problems()).isEmpty();
        assertThat(resolved.notes()).singleElement().asString().startsWith("layout auto: detected sqlx in");
    }

    @Test
    void autoTellsDbmateFromSqlxByTheSectionMarkers() throws IOException {
        write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n");

        assertThat(resolve(Layout.AUTO).notes()).singleElement().asString().startsWith("layout auto: detected dbmate");
    }

    @Test
    void autoKeepsStrataForStrataNames() throws IOException {
        write("V1__users.sql", "CREATE TABLE users (id int);\n");

        ResolvedMigrations resolved = resolve(Layout.AUTO);

        assertThat(resolved.notes()).singleElement().asString().startsWith("layout auto: detected strata");
        assertThat(scripts(resolved.migrations())).containsExactly("V1__users.sql");
    }

    @Test
    void autoRefusesAMixtureNamingTheFilesOfEachLayout() throws IOException {
        write("V1__users.sql", "CREATE TABLE users (id int);\n");
        write("2_jobs.up.sql", "CREATE TABLE jobs (id int);\n");
        write("notes.sql", "SELECT 1;\n");

        assertThatThrownBy(() -> resolve(Layout.AUTO)).isInstanceOfSatisfying(LayoutMixtureException.class, e -> {
            assertThat(e.filesByLayout()).containsOnlyKeys("strata", "sqlx", "none");
            assertThat(e.filesByLayout().get("strata")).singleElement().asString().endsWith("/V1__users.sql");
            assertThat(e.filesByLayout().get("sqlx")).singleElement().asString().endsWith("/2_jobs.up.sql");
            assertThat(e.filesByLayout().get("none")).singleElement().asString().endsWith("/notes.sql");
            assertThat(e.getMessage()).contains("files disagree").contains("V1__users.sql").contains("2_jobs.up.sql");
            assertThat(e.hint()).contains("set migrations.layout");
        });
    }

    @Test
    void strataLayoutStillReportsToolNamesAsMisnamed() throws IOException {
        write("1_users.sql", "CREATE TABLE users (id int);\n");

        assertThat(resolve(Layout.STRATA).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("is not a migration file name"));
    }
}
