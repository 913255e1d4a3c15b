package dev.strata.migrations.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EditDiffTest {

    private static final String APPLIED = """
            CREATE TABLE jobs (
                id bigint PRIMARY KEY,
                status text NOT NULL
            );
            CREATE INDEX jobs_status ON jobs (status);
            """;

    @Test
    void singleChangedLine() {
        String current = APPLIED.replace("status text NOT NULL", "status varchar(20) NOT NULL");

        assertThat(EditDiff.describe(APPLIED, current)).isEqualTo("""
                line 3 (applied) became line 3 (now):
                  - 3:     status text NOT NULL
                  + 3:     status varchar(20) NOT NULL""");
    }

    @Test
    void changedFirstAndLastLine() {
        assertThat(EditDiff.describe("a\nb\nc\n", "A\nb\nc\n")).isEqualTo("""
                line 1 (applied) became line 1 (now):
                  - 1: a
                  + 1: A""");
        assertThat(EditDiff.describe("a\nb\nc\n", "a\nb\nC\n")).isEqualTo("""
                line 3 (applied) became line 3 (now):
                  - 3: c
                  + 3: C""");
    }

    @Test
    void insertedLines() {
        String current = APPLIED.replace("    status text NOT NULL\n",
                "    status text NOT NULL,\n    created_at timestamptz,\n    updated_at timestamptz\n");

        assertThat(EditDiff.describe(APPLIED, current)).isEqualTo("""
                line 3 (applied) became lines 3-5 (now):
                  - 3:     status text NOT NULL
                  + 3:     status text NOT NULL,
                  + 4:     created_at timestamptz,
                  + 5:     updated_at timestamptz""");
    }

    @Test
    void purelyInsertedLinesShowNothingOnTheAppliedSide() {
        String current = APPLIED.replace("\n);\n", "\n);\nCOMMENT ON TABLE jobs IS 'jobs';\n");

        assertThat(EditDiff.describe(APPLIED, current)).isEqualTo("""
                nothing (applied, after line 4) became line 5 (now):
                  + 5: COMMENT ON TABLE jobs IS 'jobs';""");
    }

    @Test
    void deletedLines() {
        String current = APPLIED.replace("CREATE INDEX jobs_status ON jobs (status);\n", "");

        assertThat(EditDiff.describe(APPLIED, current)).isEqualTo("""
                line 5 (applied) became nothing (now, after line 4):
                  - 5: CREATE INDEX jobs_status ON jobs (status);""");
    }

    @Test
    void deletedLinesInTheMiddle() {
        assertThat(EditDiff.describe("a\nb\nc\nd\n", "a\nd\n")).isEqualTo("""
                lines 2-3 (applied) became nothing (now, after line 1):
                  - 2: b
                  - 3: c""");
    }

    @Test
    void repeatedLinesAreNotCountedTwice() {
        // head and tail must not overlap: "a a" -> "a" is one deleted line, not a negative range
        assertThat(EditDiff.describe("a\na\n", "a\n")).isEqualTo("""
                line 2 (applied) became nothing (now, after line 1):
                  - 2: a""");
        assertThat(EditDiff.describe("a\n", "a\na\na\n")).isEqualTo("""
                nothing (applied, after line 1) became lines 2-3 (now):
                  + 2: a
                  + 3: a""");
    }

    @Test
    void onlyAFinalNewlineDiffers() {
        assertThat(EditDiff.describe("SELECT 1;\n", "SELECT 1;"))
                .isEqualTo("only whitespace at the end of the file differs");
        assertThat(EditDiff.describe("SELECT 1;", "SELECT 1;\n"))
                .isEqualTo("only whitespace at the end of the file differs");
    }

    @Test
    void addedTrailingBlankLinesAreShownAsInsertedLines() {
        assertThat(EditDiff.describe("SELECT 1;\n", "SELECT 1;\n\n   \n")).isEqualTo("""
                nothing (applied, after line 1) became lines 2-3 (now):
                  + 2:\s
                  + 3:   \s""");
    }

    @Test
    void removedTrailingBlankLinesAreShownAsDeletedLines() {
        assertThat(EditDiff.describe("SELECT 1;\n\n", "SELECT 1;\n")).isEqualTo("""
                line 2 (applied) became nothing (now, after line 1):
                  - 2:\s""");
    }

    @Test
    void trailingSpacesOnALineAreAChangedLine() {
        assertThat(EditDiff.describe("SELECT 1;\nSELECT 2;\n", "SELECT 1;  \nSELECT 2;\n")).isEqualTo(
                "line 1 (applied) became line 1 (now):\n  - 1: SELECT 1;\n  + 1: SELECT 1;  ");
    }

    @Test
    void longChangesAreCutAfterEightLines() {
        String before = IntStream.rangeClosed(1, 20).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = IntStream.rangeClosed(1, 3).mapToObj(i -> "new " + i).collect(Collectors.joining("\n"));

        String diff = EditDiff.describe(before, after);

        assertThat(diff).startsWith("lines 1-20 (applied) became lines 1-3 (now):")
                .contains("\n  - 8: old 8\n  - … 12 more\n  + 1: new 1")
                .doesNotContain("old 9")
                .endsWith("\n  + 3: new 3");
    }
}
