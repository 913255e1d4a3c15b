package dev.strata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata new} in another tool's layout: in-process, no database. */
class NewInLayoutTest {
    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void createMigrationDirectory() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
    }

    private InProcessStrata.Result strataNew(String layout, String description) {
        return InProcessStrata.run(workingDirectory, Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:migrations",
                "STRATA_MIGRATIONS__LAYOUT", layout), "new", description);
    }

    private void write(String relative, String content) throws IOException {
        Path file = migrations.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void golangMigrateGetsTheNextPaddedNumberAsAnUpDownPair() throws IOException {
        write("000001_teams.up.sql", "create table teams (id int);\n");
        write("000001_teams.down.sql", "drop table teams;\n");

        InProcessStrata.Result result = strataNew("golang-migrate", "add members");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(migrations.resolve("000002_add_members.up.sql")).hasContent("-- add members");
        assertThat(migrations.resolve("000002_add_members.down.sql")).exists();
        assertThat(result.stdout()).contains("000002_add_members.up.sql").contains("000002_add_members.down.sql");
    }

    @Test
    void dbmateGetsATimestampedFileWithBothSectionMarkers() throws IOException {
        write("20230301120000_projects.sql", "-- migrate:up\ncreate table projects (id int);\n");

        InProcessStrata.Result result = strataNew("dbmate", "add tasks");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path created = Path.of(result.stdout().strip());
        assertThat(created.getFileName().toString()).matches("\\d{14}_add_tasks\\.sql");
        assertThat(workingDirectory.resolve(created)).hasContent("-- add tasks\n-- migrate:up\n\n-- migrate:down");
    }

    @Test
    void sqlxWritesAPairWhereTheLocationHasPairsAndOneFileOtherwise() throws IOException {
        write("1_accounts.sql", "create table accounts (id int);\n");
        InProcessStrata.Result single = strataNew("sqlx", "add invoices");
        assertThat(single.exitCode()).as(single.toString()).isZero();
        assertThat(migrations.resolve("2_add_invoices.sql")).exists();

        write("3_refunds.up.sql", "create table refunds (id int);\n");
        write("3_refunds.down.sql", "drop table refunds;\n");
        InProcessStrata.Result pair = strataNew("sqlx", "add credits");
        assertThat(pair.exitCode()).as(pair.toString()).isZero();
        assertThat(migrations.resolve("4_add_credits.up.sql")).exists();
        assertThat(migrations.resolve("4_add_credits.down.sql")).exists();
    }

    @Test
    void dieselGetsADirectoryNamedWithItsDashedTimestamp() throws IOException {
        write("2022-11-01-080000_shops/up.sql", "create table shops (id int);\n");

        InProcessStrata.Result result = strataNew("diesel", "add orders");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        try (var files = Files.list(migrations)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.matches("\\d{4}-\\d{2}-\\d{2}-\\d{6}_add_orders"));
        }
        assertThat(result.stdout()).contains("/up.sql").contains("/down.sql");
    }

    @Test
    void autoWritesInTheLayoutTheFilesShow() throws IOException {
        write("000001_teams.up.sql", "create table teams (id int);\n");
        write("000001_teams.down.sql", "drop table teams;\n");

        InProcessStrata.Result result = strataNew("auto", "add roles");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // golang-migrate's names are sqlx's reversible ones: either way the pair is written.
        assertThat(migrations.resolve("000002_add_roles.up.sql")).exists();
        assertThat(migrations.resolve("000002_add_roles.down.sql")).exists();
    }

    @Test
    void anUnknownLayoutIsAConfigurationErrorListingTheLayouts() {
        InProcessStrata.Result result = strataNew("flyway", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("flyway")
                .contains("strata, sqlx, golang-migrate, dbmate, diesel, goose, popx, temporal-sql-tool, auto");
    }

    @Test
    void gooseGetsTheNextPaddedNumberWithBothAnnotations() throws IOException {
        write("00007_boards.sql", "-- +goose Up\ncreate table boards (id int);\n");

        InProcessStrata.Result result = strataNew("goose", "add cards");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(migrations.resolve("00008_add_cards.sql")).hasContent("-- add cards\n-- +goose Up\n\n-- +goose Down");
    }

    @Test
    void popxGetsAGenericUpDownPair() throws IOException {
        write("20210101000000_identities.postgres.up.sql", "create table identities (id uuid);\n");

        InProcessStrata.Result result = strataNew("popx", "add sessions");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches(".*\\d{14}_add_sessions\\.(up|down)\\.sql"));
    }

    @Test
    void aLocationsOwnLayoutDecidesWhatIsWritten() throws IOException {
        write("1_teams.up.sql", "create table teams (id int);\n");

        InProcessStrata.Result result = InProcessStrata.run(workingDirectory,
                Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:migrations?layout=golang-migrate"), "new",
                "add members");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(migrations.resolve("2_add_members.up.sql")).exists();
    }

    @Test
    void temporalSqlToolIsRefusedWithExit2SayingWhereTheFileBelongs() throws IOException {
        write("v1.0/manifest.json", "{\"CurrVersion\": \"1.0\", \"SchemaUpdateCqlFiles\": [\"a.sql\"]}");
        write("v1.0/a.sql", "create table a (id int);\n");

        InProcessStrata.Result result = strataNew("temporal-sql-tool", "add b");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("strata new does not write temporal-sql-tool migrations")
                .contains("manifest.json");
        try (var files = Files.walk(migrations)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(2);
        }
    }
}
