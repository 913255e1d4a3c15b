package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.ChangedLines;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Files and history that disagree: {@code validate} and {@code migrate} report each problem naming the file, and
 * {@code migrate} then applies nothing at all, not even the pending files that are fine.
 */
@ExtendWith(FreshDatabase.class)
class ValidationTest {
    private static final String V1 = "V1__create_a.sql";
    private static final String V2 = "V2__create_b.sql";
    private static final String V3 = "V3__create_c.sql";
    private static final String V4 = "V4__create_d.sql";

    @Test
    void anEditedAppliedFileFailsWithTheChangedLines(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write(V1, "create table a (id int);\ncreate table a_notes (note text);\n")
                .write(V2, "create table b (id int);\n");
        files.migrator(database).migrate();
        files.write(V1, "create table a (id int);\ncreate table a_notes (note varchar(200));\n")
                .write(V3, "create table c (id int);\n");

        for (ThrowingCallable run : runs(files.migrator(database))) {
            ValidationFailedException failure = validationFailure(run);

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(ProblemKind.EDITED);
                assertThat(problem.script()).isEqualTo(V1);
                assertThat(problem.changedLines()).contains(new ChangedLines(1,
                        List.of("create table a_notes (note text);"),
                        List.of("create table a_notes (note varchar(200));")));
                assertThat(problem.message()).as("a sentence; the lines are data").doesNotContain("\n");
            });
            assertThat(failure.getMessage()).contains(V1, "line 2 (applied) became line 2 (now)",
                    "- 2: create table a_notes (note text);", "+ 2: create table a_notes (note varchar(200));");
        }
        assertNothingAppliedAfter(database, "1", "2");
        assertThat(Queries.relationExists(database, "c")).isFalse();
    }

    @Test
    void anAppliedFileThatIsGoneIsMissing(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write(V1, "create table a (id int);\n")
                .write(V2, "create table b (id int);\n").write(V3, "create table c (id int);\n");
        files.migrator(database).migrate();
        files.delete(V2).write(V4, "create table d (id int);\n");

        for (ThrowingCallable run : runs(files.migrator(database))) {
            assertThat(validationFailure(run).problems()).singleElement()
                    .satisfies(problem -> assertProblem(problem, ProblemKind.MISSING, V2));
        }
        assertNothingAppliedAfter(database, "1", "2", "3");
        assertThat(Queries.relationExists(database, "d")).isFalse();
    }

    @Test
    void anAppliedVersionNewerThanEveryFileIsFromTheFuture(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write(V1, "create table a (id int);\n")
                .write(V2, "create table b (id int);\n");
        files.migrator(database).migrate();
        files.delete(V2);

        for (ThrowingCallable run : runs(files.migrator(database))) {
            assertThat(validationFailure(run).problems()).singleElement()
                    .satisfies(problem -> assertProblem(problem, ProblemKind.FUTURE, V2));
        }
        assertNothingAppliedAfter(database, "1", "2");
    }

    @Test
    void aPendingFileOlderThanTheNewestAppliedIsOutOfOrderUnlessAllowed(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write(V1, "create table a (id int);\n")
                .write(V3, "create table c (id int);\n");
        files.migrator(database).migrate();
        files.write(V2, "create table b (id int);\n").write(V4, "create table d (id int);\n");

        for (ThrowingCallable run : runs(files.migrator(database))) {
            assertThat(validationFailure(run).problems()).singleElement()
                    .satisfies(problem -> assertProblem(problem, ProblemKind.OUT_OF_ORDER, V2));
        }
        assertNothingAppliedAfter(database, "1", "3");
        assertThat(Queries.relationExists(database, "d")).isFalse();

        MigrateResult allowed = MigrationFiles.migrator(database, files.settings().withOutOfOrder(true)).migrate();

        assertThat(allowed.applied()).extracting(AppliedFile::script).containsExactly(V2, V4);
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "3", "2", "4");
        assertThat(Queries.relationExists(database, "b")).isTrue();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments(ProblemKind.DUPLICATE_VERSION, "V2_0__also_version_two.sql", utf8("create table x (id int);\n")),
                arguments(ProblemKind.MISNAMED, "V3_create_c.sql", utf8("create table c (id int);\n")),
                arguments(ProblemKind.INVALID_ENCODING, "V3__latin1.sql",
                        "insert into b values ('café');\n".getBytes(StandardCharsets.ISO_8859_1)),
                arguments(ProblemKind.UNPARSEABLE, "V3__unterminated_string.sql",
                        utf8("create table c (note text default 'oops);\n")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badFiles")
    void aBadFileIsReportedByNameAndNothingIsApplied(ProblemKind kind, String fileName, byte[] content,
                                                     TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write(V1, "create table a (id int);\n");
        files.migrator(database).migrate();
        files.write(V2, "create table b (id int);\n").writeBytes(fileName, content);

        for (ThrowingCallable run : runs(files.migrator(database))) {
            assertThat(validationFailure(run).problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(kind);
                assertThat(problem.message()).contains(fileName);
            });
        }
        assertNothingAppliedAfter(database, "1");
        assertThat(Queries.relationExists(database, "b")).isFalse();
    }

    @Test
    void aBadFileInAFreshDatabaseLeavesTheHistoryEmpty(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir).write(V1, "create table a (id int);\n")
                .write("V2__unterminated.sql", "select 'oops;\n");

        assertThat(validationFailure(files.migrator(database)::migrate).problems()).singleElement()
                .satisfies(problem -> assertProblem(problem, ProblemKind.UNPARSEABLE, "V2__unterminated.sql"));
        assertThat(Queries.appliedVersions(database)).isEmpty();
        assertThat(Queries.relationExists(database, "a")).isFalse();
    }

    @Test
    void windowsLineEndingsOrAByteOrderMarkAreNotAnEdit(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write(V1, "create table a (\n    id int\n);\n\ncomment on table a is 'first';\n")
                .write(V2, "create table b (id int);\ninsert into b values (1);\n");
        files.migrator(database).migrate();
        files.write(V1, files.read(V1).replace("\n", "\r\n"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        files.writeBytes(V2, concat(bom, utf8(files.read(V2))));

        assertThat(files.migrator(database).validate().isUpToDate()).isTrue();
        assertThat(files.migrator(database).migrate().nothingToDo()).isTrue();
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2");
    }

    /** {@code validate} and then {@code migrate}: both must fail the same way. */
    private static ThrowingCallable[] runs(Migrator migrator) {
        return new ThrowingCallable[] {migrator::validate, migrator::migrate};
    }

    private static ValidationFailedException validationFailure(ThrowingCallable run) {
        Throwable thrown = catchThrowable(run);
        assertThat(thrown).isInstanceOf(ValidationFailedException.class);
        return (ValidationFailedException) thrown;
    }

    private static void assertProblem(Problem problem, ProblemKind kind, String script) {
        assertThat(problem.kind()).isEqualTo(kind);
        assertThat(problem.script()).isEqualTo(script);
        assertThat(problem.message()).contains(script);
    }

    private static void assertNothingAppliedAfter(TestDatabase database, String... alreadyApplied) {
        assertThat(Queries.appliedVersions(database)).containsExactly(alreadyApplied);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
