package dev.strata.migrations.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationResolverTest {

    private final MigrationResolver resolver = new MigrationResolver(MigrationResolverTest.class.getClassLoader());

    @TempDir
    Path dir;

    private static Path write(Path directory, String relative, String content) throws IOException {
        return write(directory, relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path directory, String relative, byte[] content) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private ResolvedMigrations resolve(Path... directories) {
        return resolver.resolve(Arrays.stream(directories).<Location>map(Location.Filesystem::new).toList());
    }

    private static List<String> scripts(ResolvedMigrations resolved) {
        return resolved.migrations().stream().map(ResolvedMigration::script).toList();
    }

    @Nested
    class Filesystem {
        @Test
        void emptyDirectoryIsAnErrorNamingTheLocation() throws IOException {
            write(dir, "README.md", "no sql here");
            Location location = new Location.Filesystem(dir);

            assertThatThrownBy(() -> resolve(dir)).isInstanceOf(LocationNotFoundException.class)
                    .hasMessage("migration location " + location
                            + " holds no migration file (no .sql file in it or below it)");
        }

        @Test
        void anEmptyLocationBesideAFullOneIsStillAnError() throws IOException {
            Path full = Files.createDirectories(dir.resolve("full"));
            Path empty = Files.createDirectories(dir.resolve("empty"));
            write(full, "V1__one.sql", "select 1;");

            assertThatThrownBy(() -> resolve(full, empty)).isInstanceOf(LocationNotFoundException.class)
                    .hasMessageContaining("filesystem:" + empty + " holds no migration file");
        }

        @Test
        void emptyDirectoryResolvesToNothingWhenAllowed() {
            ResolvedMigrations resolved = resolver.resolveAllowingEmpty(List.of(new Location.Filesystem(dir)));
            assertThat(resolved.migrations()).isEmpty();
            assertThat(resolved.problems()).isEmpty();
        }

        @Test
        void migrationsAreSortedByVersionNumerically() throws IOException {
            write(dir, "V10__ten.sql", "SELECT 10;");
            write(dir, "V2__two.sql", "SELECT 2;");
            write(dir, "V1__one.sql", "SELECT 1;");
            write(dir, "V1.5__one_and_a_half.sql", "SELECT 1.5;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.migrations()).extracting(m -> m.id().versionNumber().orElseThrow().toString())
                    .containsExactly("1", "1.5", "2", "10");
        }

        @Test
        void resolvedMigrationCarriesVersionDescriptionPathContentAndChecksum() throws IOException {
            write(dir, "V3_1__add_job-events.v2.sql", "\uFEFFALTER TABLE jobs ADD x int;\r\n");

            ResolvedMigration migration = resolve(dir).migrations().get(0);

            assertThat(migration.id()).isEqualTo(new MigrationId.Versioned(Version.parse("3.1")));
            assertThat(migration.description()).isEqualTo("add job-events.v2");
            assertThat(migration.script()).isEqualTo("V3_1__add_job-events.v2.sql");
            assertThat(migration.path()).isEqualTo(dir + "/V3_1__add_job-events.v2.sql");
            assertThat(migration.content()).isEqualTo("ALTER TABLE jobs ADD x int;\n");
            assertThat(migration.checksum()).isEqualTo(Checksum.of("ALTER TABLE jobs ADD x int;\n"));
        }

        @Test
        void subdirectoriesAreScanned() throws IOException {
            write(dir, "V1__root.sql", "SELECT 1;");
            write(dir, "a/V2__in_a.sql", "SELECT 2;");
            write(dir, "a/b/c/V3__deep.sql", "SELECT 3;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(scripts(resolved)).containsExactly("V1__root.sql", "V2__in_a.sql", "V3__deep.sql");
            assertThat(resolved.migrations().get(2).path()).isEqualTo(dir + "/a/b/c/V3__deep.sql");
        }

        @Test
        void nonSqlFilesAreIgnored() throws IOException {
            write(dir, "V1__one.sql", "SELECT 1;");
            write(dir, "README.md", "# docs");
            write(dir, "V2__two.sql.bak", "SELECT 2;");
            write(dir, "V3__three.txt", "SELECT 3;");
            write(dir, "notes", "");
            Files.createDirectories(dir.resolve("V4__directory.sql"));

            ResolvedMigrations resolved = resolve(dir);

            assertThat(scripts(resolved)).containsExactly("V1__one.sql");
            assertThat(resolved.problems()).isEmpty();
        }

        @Test
        void upperCaseSqlExtensionIsScannedAndReportedWhenItDoesNotMatch() throws IOException {
            write(dir, "V1__one.SQL", "SELECT 1;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.migrations()).isEmpty();
            assertThat(resolved.problems()).singleElement().extracting(Problem::kind).isEqualTo(ProblemKind.MISNAMED);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "v1__x.sql   | the prefix must be an upper-case V",
                "V1_x.sql    | separated by two underscores",
                "V1__.sql    | the description after __ is empty",
                "Vx__y.sql   | 'x' is not a version",
                "r__view.sql | the prefix of a repeatable migration must be an upper-case R",
                "R1__view.sql | a repeatable migration has no version",
                "R__.sql     | the description after R__ is empty",
                "u1__x.sql   | the prefix of an undo file must be an upper-case U",
                "foo.sql     | it does not start with V",
                "V1__a+b.sql | the description may hold only",
                "V1.__a.sql  | '1.' is not a version",
        })
        void misnamedSqlFilesAreReportedWithFileAndExpectedPattern(String name, String reason) throws IOException {
            write(dir, name, "SELECT 1;");
            write(dir, "V100__good.sql", "SELECT 1;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(scripts(resolved)).containsExactly("V100__good.sql");
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.MISNAMED);
                assertThat(problem.script()).isEqualTo(name);
                assertThat(problem.version()).isEmpty();
                assertThat(problem.message())
                        .startsWith(dir.resolve(name) + " is not a migration file name: ")
                        .contains(reason)
                        .endsWith("expected V<version>__<description>.sql (e.g. V3__add_job_events.sql),"
                                + " or R__<description>.sql for a repeatable migration");
                assertThat(problem.hint()).isNotBlank();
            });
        }

        @Test
        void everyMisnamedFileIsReported() throws IOException {
            for (String name : List.of("v1__x.sql", "V1_x.sql", "V1__.sql", "Vx__y.sql", "R1__view.sql", "foo.sql")) {
                write(dir, name, "SELECT 1;");
            }

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.migrations()).isEmpty();
            assertThat(resolved.problems()).hasSize(6).allSatisfy(p -> assertThat(p.kind()).isEqualTo(ProblemKind.MISNAMED))
                    .extracting(Problem::script)
                    .containsExactlyInAnyOrder("v1__x.sql", "V1_x.sql", "V1__.sql", "Vx__y.sql", "R1__view.sql", "foo.sql");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(value = {"''", "'   '", "'\n\n'", "'\t \r\n '"})
        void emptyOrWhitespaceOnlyFileIsANoOpMigration(String content) throws IOException {
            write(dir, "V7__nothing.sql", content);

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.migrations()).singleElement().satisfies(migration -> {
                assertThat(migration.script()).isEqualTo("V7__nothing.sql");
                assertThat(migration.id()).isEqualTo(new MigrationId.Versioned(Version.parse("7")));
                assertThat(migration.content()).isBlank();
            });
        }

        @Test
        void byteOrderMarkOnlyFileIsANoOpMigration() throws IOException {
            write(dir, "V1__bom.sql", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'});

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.migrations()).singleElement().extracting(ResolvedMigration::content).isEqualTo("\n");
        }

        @Test
        void invalidUtf8IsReportedWithItsByteOffset() throws IOException {
            write(dir, "V2__latin1.sql", new byte[] {'a', 'b', 'c', (byte) 0xFF, ';'});

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.migrations()).isEmpty();
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_ENCODING);
                assertThat(problem.script()).isEqualTo("V2__latin1.sql");
                assertThat(problem.version()).contains(Version.parse("2"));
                assertThat(problem.message()).isEqualTo(dir.resolve("V2__latin1.sql")
                        + " (version 2) is not valid UTF-8: invalid byte sequence at byte offset 3");
            });
        }

        @Test
        void invalidUtf8AfterAByteOrderMarkIsReportedAtItsOffsetInTheFile() throws IOException {
            write(dir, "V2__bom.sql", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xFE});

            assertThat(resolve(dir).problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).endsWith("at byte offset 4"));
        }

        @Test
        void sameVersionWrittenDifferentlyIsADuplicateNamingBothPaths() throws IOException {
            write(dir, "V1__a.sql", "SELECT 'a';");
            write(dir, "V1.0__b.sql", "SELECT 'b';");
            write(dir, "V2__c.sql", "SELECT 'c';");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION);
                assertThat(problem.version()).contains(Version.parse("1"));
                assertThat(problem.message())
                        .startsWith("version 1")
                        .contains("is used by two files")
                        .contains(dir.resolve("V1__a.sql").toString())
                        .contains(dir.resolve("V1.0__b.sql").toString());
            });
            // one file per version stays in the list, so the plan remains well-defined
            assertThat(resolved.migrations()).extracting(m -> m.id().versionNumber().orElseThrow().toString())
                    .hasSize(2);
            assertThat(resolved.migrations().get(1).script()).isEqualTo("V2__c.sql");
        }

        @Test
        void sameVersionInTwoLocationsIsADuplicateNamingBothPaths(@TempDir Path other) throws IOException {
            write(dir, "V1__first.sql", "SELECT 1;");
            write(other, "V1__first.sql", "SELECT 1;");

            ResolvedMigrations resolved = resolve(dir, other);

            assertThat(resolved.migrations()).hasSize(1);
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION);
                assertThat(problem.script()).isEqualTo("V1__first.sql");
                assertThat(problem.message())
                        .contains(dir.resolve("V1__first.sql").toString())
                        .contains(other.resolve("V1__first.sql").toString());
            });
        }

        @Test
        void threeFilesWithOneVersionGiveTwoProblems() throws IOException {
            write(dir, "V1__a.sql", "SELECT 1;");
            write(dir, "V1_0__b.sql", "SELECT 1;");
            write(dir, "V001__c.sql", "SELECT 1;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.migrations()).hasSize(1);
            assertThat(resolved.problems()).hasSize(2)
                    .allSatisfy(p -> assertThat(p.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION));
        }

        @Test
        void multipleLocationsAreMergedInVersionOrder(@TempDir Path other) throws IOException {
            write(dir, "V1__one.sql", "SELECT 1;");
            write(dir, "V3__three.sql", "SELECT 3;");
            write(other, "V2__two.sql", "SELECT 2;");

            assertThat(scripts(resolve(dir, other))).containsExactly("V1__one.sql", "V2__two.sql", "V3__three.sql");
        }

        @Test
        void missingDirectoryIsLocationNotFound() {
            Path missing = dir.resolve("does-not-exist");
            Location location = new Location.Filesystem(missing);

            assertThatThrownBy(() -> resolver.resolve(List.of(location)))
                    .isInstanceOfSatisfying(LocationNotFoundException.class, e -> {
                        assertThat(e.location()).isEqualTo(location);
                        assertThat(e.getMessage()).contains("filesystem:" + missing).contains("does not exist");
                        assertThat(e.hint()).isNotBlank();
                    });
        }

        @Test
        void regularFileAsLocationIsLocationNotFound() throws IOException {
            Path file = write(dir, "V1__one.sql", "SELECT 1;");

            assertThatThrownBy(() -> resolver.resolve(List.of(new Location.Filesystem(file))))
                    .isInstanceOf(LocationNotFoundException.class)
                    .hasMessageContaining("is not a directory");
        }
    }

    @Nested
    class Classpath {
        @Test
        void scansADirectoryOnTheClassPathRecursively() {
            ResolvedMigrations resolved = resolver.resolve(List.of(new Location.Classpath("resolver-fixtures/valid")));

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.migrations()).extracting(ResolvedMigration::script)
                    .containsExactly("V1__create_a.sql", "V2__create_b.sql", "V10__create_c.sql");
            assertThat(resolved.migrations()).extracting(ResolvedMigration::path).containsExactly(
                    "classpath:resolver-fixtures/valid/V1__create_a.sql",
                    "classpath:resolver-fixtures/valid/V2__create_b.sql",
                    "classpath:resolver-fixtures/valid/nested/V10__create_c.sql");
            assertThat(resolved.migrations().get(0).content()).isEqualTo("CREATE TABLE a (id int);\n");
            assertThat(resolved.migrations().get(0).description()).isEqualTo("create a");
        }

        @Test
        void leadingAndTrailingSlashesAreIgnored() {
            ResolvedMigrations resolved = resolver.resolve(List.of(new Location.Classpath("/resolver-fixtures/valid/")));

            assertThat(resolved.migrations()).hasSize(3);
        }

        @Test
        void reportsProblemsForClassPathFiles() {
            ResolvedMigrations resolved = resolver.resolve(List.of(new Location.Classpath("resolver-fixtures/mixed")));

            assertThat(resolved.migrations()).extracting(ResolvedMigration::script)
                    .containsExactly("V1__ok.sql", "V3__blank.sql");
            assertThat(resolved.problems()).extracting(Problem::kind, Problem::script).containsExactly(
                    tuple(ProblemKind.MISNAMED, "v2__lower.sql"));
            assertThat(resolved.problems()).filteredOn(p -> p.kind() == ProblemKind.MISNAMED).singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("classpath:resolver-fixtures/mixed/v2__lower.sql"));
        }

        @Test
        void missingClassPathDirectoryIsAnErrorNamingIt() {
            assertThatThrownBy(() -> resolver.resolve(List.of(new Location.Classpath("resolver-fixtures/none"))))
                    .isInstanceOf(LocationNotFoundException.class)
                    .hasMessage("migration location classpath:resolver-fixtures/none is not on the class path");
        }

        @Test
        void classPathAndFilesystemLocationsCombine() throws IOException {
            write(dir, "V3__extra.sql", "SELECT 3;");
            write(dir, "V2__clash.sql", "SELECT 2;");

            ResolvedMigrations resolved = resolver.resolve(
                    List.of(new Location.Classpath("resolver-fixtures/valid"), new Location.Filesystem(dir)));

            assertThat(scripts(resolved)).containsExactly("V1__create_a.sql", "V2__clash.sql", "V3__extra.sql",
                    "V10__create_c.sql");
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION);
                assertThat(problem.message()).contains("classpath:resolver-fixtures/valid/V2__create_b.sql")
                        .contains(dir.resolve("V2__clash.sql").toString());
            });
        }
    }

    @Nested
    class ParsingLocations {
        @Test
        void classpathLocation() {
            assertThat(Location.parse("classpath:db/migration")).isEqualTo(new Location.Classpath("db/migration"));
            assertThat(Location.parse("  classpath:/db/migration/ ")).isEqualTo(new Location.Classpath("db/migration"));
            assertThat(Location.parse("classpath:db/migration")).hasToString("classpath:db/migration");
        }

        @Test
        void filesystemLocation() {
            assertThat(Location.parse("filesystem:sql/migrations"))
                    .isEqualTo(new Location.Filesystem(Path.of("sql/migrations")));
            assertThat(Location.parse("filesystem:/abs/dir")).isEqualTo(new Location.Filesystem(Path.of("/abs/dir")))
                    .hasToString("filesystem:/abs/dir");
        }

        @Test
        void defaultIsClasspathDbMigration() {
            assertThat(Location.DEFAULT).isEqualTo(Location.parse("classpath:db/migration"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"db/migration", "classpath:", "filesystem:", "",
                "file:/tmp", "CLASSPATH:db/migration", "   "})
        void invalidLocationsNameTheExpectedForms(String text) {
            assertThatThrownBy(() -> Location.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid location '" + text + "'")
                    .hasMessageContaining("classpath:<path>")
                    .hasMessageContaining("filesystem:<dir>");
        }
    }

    @Nested
    class UndoFiles {
        @Test
        void undoFilesArePairedWithTheirMigrationByVersion() throws IOException {
            write(dir, "V1__one.sql", "create table one (id int);");
            write(dir, "V2__two.sql", "create table two (id int);");
            write(dir, "U2__two.sql", "drop table two;");
            write(dir, "U1.0__drop_one.sql", "drop table one;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(scripts(resolved)).containsExactly("V1__one.sql", "V2__two.sql");
            assertThat(resolved.undos()).extracting(ResolvedMigration::script)
                    .containsExactly("U1.0__drop_one.sql", "U2__two.sql");
            ResolvedMigration undo = resolved.undoOf(Version.parse("1")).orElseThrow();
            assertThat(undo.description()).isEqualTo("drop one");
            assertThat(undo.path()).isEqualTo(dir.resolve("U1.0__drop_one.sql").toString());
            assertThat(undo.content()).isEqualTo("drop table one;");
            assertThat(undo.checksum()).isEqualTo(Checksum.of("drop table one;"));
            assertThat(resolved.undoOf(Version.parse("3"))).isEmpty();
        }

        @Test
        void anUndoFileWithoutAMigrationIsAProblem() throws IOException {
            write(dir, "V1__one.sql", "create table one (id int);");
            write(dir, "U3__three.sql", "drop table three;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.undos()).isEmpty();
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.UNDO_WITHOUT_MIGRATION);
                assertThat(problem.script()).isEqualTo("U3__three.sql");
                assertThat(problem.version()).contains(Version.parse("3"));
                assertThat(problem.message()).contains(dir.resolve("U3__three.sql").toString(), "no V3__");
            });
        }

        @Test
        void twoUndoFilesForOneVersionAreADuplicateNamingBoth() throws IOException {
            write(dir, "V1__one.sql", "create table one (id int);");
            write(dir, "U1__a.sql", "drop table one;");
            write(dir, "U1_0__b.sql", "drop table one;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.undos()).hasSize(1);
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION);
                assertThat(problem.message()).startsWith("undo version 1 is used by two files")
                        .contains(dir.resolve("U1__a.sql").toString(), dir.resolve("U1_0__b.sql").toString());
            });
        }

        @Test
        void anEmptyUndoFileIsPairedWithItsMigration() throws IOException {
            write(dir, "V1__one.sql", "create table one (id int);");
            write(dir, "U1__one.sql", "  \n");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.undos()).extracting(ResolvedMigration::script).containsExactly("U1__one.sql");
        }

        @Test
        void anEmptyMigrationWithAnUndoFileIsNotReportedAsAnUndoWithoutMigration() throws IOException {
            write(dir, "V1__placeholder.sql", "-- nothing for PostgreSQL\n");
            write(dir, "U1__placeholder.sql", "select 1;");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.migrations()).extracting(ResolvedMigration::script).containsExactly("V1__placeholder.sql");
            assertThat(resolved.undos()).extracting(ResolvedMigration::script).containsExactly("U1__placeholder.sql");
        }
    }

    @Nested
    class RepeatableFiles {
        @Test
        void repeatableFilesAreResolvedApartFromVersionedOnesInFileNameOrder() throws IOException {
            write(dir, "V1__tables.sql", "CREATE TABLE t (id int);");
            write(dir, "R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM t;");
            write(dir, "sub/R__functions_and_more.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(scripts(resolved)).containsExactly("V1__tables.sql");
            assertThat(resolved.repeatables()).extracting(ResolvedMigration::script, ResolvedMigration::description,
                            ResolvedMigration::id)
                    .containsExactly(tuple("R__functions_and_more.sql", "functions and more",
                    new MigrationId.Repeatable("R__functions_and_more.sql")),
                            tuple("R__views.sql", "views", new MigrationId.Repeatable("R__views.sql")));
            assertThat(resolved.repeatables().get(1).checksum())
                    .isEqualTo(Checksum.of("CREATE OR REPLACE VIEW v AS SELECT id FROM t;"));
        }

        @Test
        void theSameRepeatableFileNameInTwoLocationsIsADuplicate(@TempDir Path other) throws IOException {
            write(dir, "R__views.sql", "SELECT 1;");
            write(other, "R__views.sql", "SELECT 2;");

            ResolvedMigrations resolved = resolve(dir, other);

            assertThat(resolved.repeatables()).hasSize(1);
            assertThat(resolved.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION);
                assertThat(problem.script()).isEqualTo("R__views.sql");
                assertThat(problem.message()).contains("repeatable migration R__views.sql is in two places")
                        .contains(dir.resolve("R__views.sql").toString()).contains(other.resolve("R__views.sql").toString());
            });
        }

        @Test
        void anEmptyRepeatableFileIsANoOpRepeatable() throws IOException {
            write(dir, "R__views.sql", "  \n");

            ResolvedMigrations resolved = resolve(dir);

            assertThat(resolved.problems()).isEmpty();
            assertThat(resolved.repeatables()).extracting(ResolvedMigration::script).containsExactly("R__views.sql");
        }
    }
}
