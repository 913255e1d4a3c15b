package dev.strata.cli;

import dev.strata.cli.fleet.FleetFailedException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of error reaches a documented exit code, and nothing unexpected is called a failed migration. */
class ExceptionExitCodesTest {

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void everyKindHasAnExitCodeWithARowInTheDocumentedTable(ErrorKind kind) throws IOException {
        ExitCode code = ExceptionExitCodes.of(kind);

        assertThat(code).isNotEqualTo(ExitCode.SUCCESS);
        String page = Files.readString(Path.of("..", "docs", "cli.md"), StandardCharsets.UTF_8);
        assertThat(page).as("docs/cli.md row for %s (exit code %d)", kind, code.code())
                .containsPattern("\\n\\| " + code.code() + " \\| ");
    }

    @Test
    void aFleetFailureEndsWithTheCodeOfItsKind() {
        for (ErrorKind kind : ErrorKind.values()) {
            FleetFailedException failed = new FleetFailedException("1 of 2 targets failed", "", kind);

            assertThat(ExceptionExitCodes.of(failed)).isEqualTo(ExceptionExitCodes.of(kind));
        }
    }

    @Test
    void aStrataErrorIsMappedByItsKind() {
        assertThat(ExceptionExitCodes.of(new ConfigurationException("bad key", "fix it"))).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anErrorStrataDidNotExpectIsReportedAsABugNotAsAFailedMigration() {
        IllegalStateException bug = new IllegalStateException("boom");

        ExitCode code = ExceptionExitCodes.of(bug);

        assertThat(code).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(ExceptionExitCodes.wording(bug, code)).contains("a bug in Strata")
                .doesNotContain("migration failed", "rolled back");
    }

    @Test
    void anUnreadableFileIsNotCalledAFailedMigration() {
        UncheckedIOException io = new UncheckedIOException("cannot read migration file V1__a.sql",
                new IOException("Permission denied"));

        ExitCode code = ExceptionExitCodes.of(io);

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(ExceptionExitCodes.wording(io, code)).isEqualTo("a file or directory could not be read or written");
    }
}
