package dev.strata.cli;

import dev.strata.cli.command.NewCommand;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.MigrationResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata new}: in-process, no database anywhere (with no URL, a database command would start one). */
class NewCommandTest {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    Path workingDirectory;

    private Path migrations;

    @BeforeEach
    void createMigrationDirectory() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
    }

    private InProcessStrata.Result strataNew(String locations, String... description) {
        String[] args = new String[description.length + 1];
        args[0] = "new";
        System.arraycopy(description, 0, args, 1, description.length);
        return InProcessStrata.run(workingDirectory, Map.of("STRATA_MIGRATIONS__LOCATIONS", locations), args);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void integerVersionsGetTheNextNumberAndTheFileStartsWithTheDescription() throws IOException {
        write("V1__create_jobs.sql", "create table jobs (id int);\n");
        write("V2__add_status.sql", "alter table jobs add column status text;\n");

        InProcessStrata.Result result = strataNew("filesystem:migrations", "add", "job", "events");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path created = workingDirectory.resolve("migrations/V3__add_job_events.sql");
        assertThat(result.stdout()).isEqualTo(Path.of("migrations", "V3__add_job_events.sql") + System.lineSeparator());
        assertThat(Files.readString(created)).isEqualTo("-- add job events\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(workingDirectory.resolve(".strata")).as("no embedded database started").doesNotExist();
    }

    @Test
    void aFileJustCreatedCountsSoTheNextOneGetsTheFollowingVersion() {
        assertThat(strataNew("filesystem:" + migrations, "first").exitCode()).isZero();
        InProcessStrata.Result second = strataNew("filesystem:" + migrations, "second");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout().strip()).isEqualTo(migrations.resolve("V2__second.sql").toString());
        assertThat(migrations.resolve("V1__first.sql")).exists();
    }

    @Test
    void timestampVersionsGetTheCurrentUtcTimeAboveTheNewest() throws IOException {
        write("V20240102030405__create_jobs.sql", "create table jobs (id int);\n");
        String before = TIMESTAMP.format(Instant.now());

        InProcessStrata.Result result = strataNew("filesystem:" + migrations, "add index");

        String after = TIMESTAMP.format(Instant.now());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String name = Path.of(result.stdout().strip()).getFileName().toString();
        assertThat(name).matches("V\\d{14}__add_index\\.sql");
        String version = name.substring(1, 15);
        assertThat(version).isBetween(before, after);
        assertThat(Version.parse(version)).isGreaterThan(Version.parse("20240102030405"));
    }

    @Test
    void aTimestampNeverRepeatsTheNewestOneEvenWithinTheSameSecond() throws IOException {
        write("V29991231235959__from_the_future.sql", "select 1;\n");

        InProcessStrata.Result result = strataNew("filesystem:" + migrations, "next");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("V29991231235960__next.sql");
    }

    @Test
    void dottedVersionsGetTheNextMajor() throws IOException {
        write("V1_1__a.sql", "select 1;\n");
        write("V1_2__b.sql", "select 1;\n");

        InProcessStrata.Result result = strataNew("filesystem:" + migrations, "c");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("V2_0__c.sql");
    }

    @Test
    void theDescriptionBecomesASnakeCaseSlug() throws IOException {
        InProcessStrata.Result result = strataNew("filesystem:" + migrations, "Add users' E-Mail (Café)  index!");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("V1__add_users_e_mail_cafe_index.sql");
        assertThat(Files.readString(migrations.resolve("V1__add_users_e_mail_cafe_index.sql")))
                .isEqualTo("-- Add users' E-Mail (Café) index!\n");
        assertThat(NewCommand.slug("  --Ünïcode  ümlauts__and 42 digits--")).isEqualTo("unicode_umlauts_and_42_digits");
    }

    @Test
    void aDescriptionWithoutLettersOrDigitsIsAUsageError() {
        InProcessStrata.Result result = strataNew("filesystem:" + migrations, "!!!");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("'!!!'", "no letter or digit", "exit code 2");
        assertThat(migrations).isEmptyDirectory();
    }

    @Test
    void withoutAFilesystemLocationItFailsWithExit2NamingTheKey() {
        InProcessStrata.Result result = InProcessStrata.run(workingDirectory, Map.of(), "new", "add jobs");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("migrations.locations", "classpath:db/migration",
                "STRATA_MIGRATIONS__LOCATIONS=filesystem:", "exit code 2");
        assertThat(result.stdout()).isEmpty();
        assertThat(workingDirectory.resolve(".strata")).as("no embedded database started").doesNotExist();
    }

    @Test
    void theFirstFilesystemLocationIsTheTargetAndTheDirectoryIsCreated() {
        InProcessStrata.Result result = strataNew("classpath:nothing/here,filesystem:sql/new,filesystem:migrations",
                "init");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(workingDirectory.resolve("sql/new/V1__init.sql")).exists();
    }

    @Test
    void versionsInOtherLocationsAreNeverRepeated() {
        List<ResolvedMigration> bundled = new MigrationResolver(getClass().getClassLoader())
                .resolve(List.of(Location.parse("classpath:bundled/migration"))).migrations();
        assertThat(bundled).as("the fixture on the test class path").isNotEmpty();
        Version highestBundled = bundled.get(bundled.size() - 1).id().versionNumber().orElseThrow();

        InProcessStrata.Result result = strataNew("classpath:bundled/migration,filesystem:" + migrations, "hotfix");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String name = Path.of(result.stdout().strip()).getFileName().toString();
        assertThat(Version.parse(name.substring(1, name.indexOf("__")))).isGreaterThan(highestBundled);
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        write("V1__a.sql", "select 1;\n");
        // The numbering always moves past existing files, so only something that is not a migration file (here a
        // directory) can take the name.
        Files.createDirectories(migrations.resolve("V2__b.sql"));

        InProcessStrata.Result result = strataNew("filesystem:" + migrations, "b");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("V2__b.sql already exists", "never overwrites");
    }

    @Test
    void aThreeHundredCharacterDescriptionGivesABoundedFileNameCutAtAWord() throws IOException {
        String description = ("rename the legacy job table column ").repeat(9).strip();
        assertThat(description.length()).isGreaterThan(300);

        InProcessStrata.Result result = strataNew("filesystem:migrations", description);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        try (var files = Files.list(migrations)) {
            Path created = files.findFirst().orElseThrow();
            String name = created.getFileName().toString();
            assertThat(name).startsWith("V1__rename_the_legacy_job_table_column_rename").endsWith(".sql")
                    .doesNotContain("_.sql");
            assertThat(name.length()).isLessThanOrEqualTo(NewCommand.MAX_SLUG_LENGTH + "V1__.sql".length());
            assertThat(Files.readString(created)).isEqualTo("-- " + description + "\n");
        }
    }

    @Test
    void letterlikeLatinCharactersAreTransliterated() {
        assertThat(NewCommand.slug("Straße Œuvre Øre")).isEqualTo("strasse_oeuvre_ore");
    }

    @Test
    void cjkDescriptionIsAClearErrorNotAnEmptyOrSilentlyShortenedName() throws IOException {
        InProcessStrata.Result result = strataNew("filesystem:migrations", "添加", "users", "表");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("has letters with no ASCII form (添加表)",
                "describe the change in Latin letters");
        try (var files = Files.list(migrations)) {
            assertThat(files).isEmpty();
        }
    }
}
