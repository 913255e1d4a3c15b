package dev.strata.cli;

import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;
import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.FailureContext;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.RunCommand;
import dev.strata.migrations.execute.SqlFailure;
import dev.strata.migrations.history.HistoryUnreadableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13/14 behaviour that needs no database: help, configuration discovery, refusals before connecting. */
class CliHardeningTest {
    /** Nothing listens on port 1, and none of these runs gets as far as connecting. */
    private static final String UNUSED_URL = "postgresql://localhost:1/db";

    @TempDir
    Path workingDirectory;

    private InProcessStrata.Result run(Map<String, String> environment, boolean interactive, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SecretMasker masker = SecretMasker.from(environment, args);
        int code = StrataMain.run(args, environment, workingDirectory,
                new PrintStream(new MaskingOutputStream(out, masker), true, StandardCharsets.UTF_8),
                new PrintStream(new MaskingOutputStream(err, masker), true, StandardCharsets.UTF_8), masker, interactive);
        return new InProcessStrata.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private InProcessStrata.Result run(Map<String, String> environment, String... args) {
        return run(environment, false, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate --help", "status -h", "validate --help", "undo -h", "new --help", "diff --help",
            "baseline --help", "plan -h", "repair --help"})
    void eachCommandTakesHelpAndShowsItsOwnUsage(String line) {
        String[] args = line.split(" ");

        InProcessStrata.Result result = run(Map.of(), args);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Usage: strata " + args[0]).contains("-h, --help");
        assertThat(result.stderr()).doesNotContain("Unknown option");
    }

    @Test
    void statusHelpListsEveryStateFromTheEnum() {
        InProcessStrata.Result result = run(Map.of(), "status", "--help");

        String help = result.stdout().replaceAll("\\s+", " ");
        for (MigrationState state : MigrationState.values()) {
            assertThat(help).contains(state.label());
        }
        assertThat(help).contains("States: " + GeneratedHelp.states() + ".");
    }

    @Test
    void validateHelpListsEveryProblemKindFromTheEnum() {
        InProcessStrata.Result result = run(Map.of(), "validate", "--help");

        String help = result.stdout().replaceAll("\\s+", " ");
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(help).contains(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "migrate --help", "status --help", "diff --help"})
    void aNameStartingWithADotIsNeverSplitAcrossLines(String line) {
        InProcessStrata.Result result = run(Map.of(), line.split(" "));

        assertThat(result.stdout()).contains(".strata/pgdata").doesNotContainPattern(" \\.\\R *strata/");
    }

    @Test
    void theSplitDotNameIsJoinedWithTheRestOfTheName() {
        assertThat(HelpLayout.join("the embedded PostgreSQL in .\n      strata/pgdata is used. Then\n  more"))
                .isEqualTo("the embedded PostgreSQL in\n      .strata/pgdata is used. Then\n  more");
    }

    @Test
    void helpListsTheHistoryExitCode() {
        InProcessStrata.Result result = run(Map.of(), "--help");

        assertThat(result.stdout()).containsPattern("\\n\\s+6\\s+the history table cannot be read or written");
    }

    @Test
    void strataTomlInTheWorkingDirectoryIsReadAndNamedOnStderr() throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), "[migrations]\nlock_timout = \"5s\"\n");

        InProcessStrata.Result result = run(Map.of(), "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("unknown key 'lock_timout' in [migrations] at "
                + workingDirectory.resolve("strata.toml") + ":2");
    }

    @Test
    void strataTomlIsAlsoWhatNewReads() throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"),
                "[migrations]\nlocations = [\"filesystem:db/migration\"]\n");

        InProcessStrata.Result result = run(Map.of(), "new", "create", "jobs");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(workingDirectory.resolve("db/migration/V1__create_jobs.sql")).exists();
        assertThat(result.stderr()).contains("Configuration: strata.toml (found in the working directory)");
    }

    @Test
    void theConfigOptionBeatsTheProjectFile() throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), "[migrations]\nbroken = 1\n");
        Path chosen = Files.writeString(workingDirectory.resolve("other.toml"),
                "[migrations]\nlocations = [\"filesystem:db\"]\n");

        InProcessStrata.Result result = run(Map.of(), "new", "--config", chosen.toString(), "first");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains("Configuration: other.toml (--config)").doesNotContain("broken");
    }

    @Test
    void aDirectoryAsConfigIsNamedAsADirectory() {
        InProcessStrata.Result result = run(Map.of(), "status", "--config", workingDirectory.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("is a directory, not a TOML file").doesNotContain("does not exist");
    }

    @Test
    void devNullAsConfigIsNamedAsNotARegularFile() {
        InProcessStrata.Result result = run(Map.of(), "status", "--config", "/dev/null");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("/dev/null", "is not a regular file").doesNotContain("does not exist");
    }

    @Test
    void anEmptyStrataConfigIsAnErrorNotNoConfiguration() {
        InProcessStrata.Result result = run(Map.of("STRATA_CONFIG", ""), true, "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("STRATA_CONFIG is set but empty").doesNotContain("embedded PostgreSQL 1");
        assertThat(workingDirectory.resolve(".strata")).doesNotExist();
    }

    @Test
    void withoutAUrlAndWithoutATerminalTheEmbeddedFallbackIsRefused() {
        InProcessStrata.Result result = run(Map.of(), false, "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("no database URL is configured, and stdin is not a terminal",
                "refusing to fall back to the embedded PostgreSQL", "pass --embedded",
                "embedded = true in [database]");
        assertThat(workingDirectory.resolve(".strata")).as("no embedded server started").doesNotExist();
    }

    @Test
    void withCiSetTheEmbeddedFallbackIsRefusedEvenAtATerminal() {
        InProcessStrata.Result result = run(Map.of("CI", "true"), true, "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("CI is set");
        assertThat(workingDirectory.resolve(".strata")).doesNotExist();
    }

    @Test
    void aMistypedUrlVariableIsWarnedAboutWithTheKeyItMeantAndDoesNotFallBack() {
        InProcessStrata.Result result = run(Map.of("STRATA_DATABASE_URL", UNUSED_URL), "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("warning: environment variable STRATA_DATABASE_URL is not a Strata "
                + "setting and is ignored; did you mean STRATA_DATABASE__URL?", "refusing to fall back");
    }

    @Test
    void knownAndToolkitVariablesAreNotWarnedAbout() {
        Map<String, String> environment = new HashMap<>(Map.of("STRATA_DEBUG", "0", "STRATA_TEST_SERVER", "x",
                "STRATA_MIGRATIONS__LOCK_TIMEOUT", "5s", "STRATA_JAVA_OPTS", "-Xmx64m", "STRATA_CDS", "off"));

        assertThat(EnvironmentCheck.warnings(environment)).isEmpty();
        environment.put("STRATA_MIGRATION_LOCK_TIMEOUT", "5s");
        assertThat(EnvironmentCheck.warnings(environment)).singleElement().asString()
                .contains("STRATA_MIGRATION_LOCK_TIMEOUT", "did you mean STRATA_MIGRATIONS__LOCK_TIMEOUT?");
    }

    @Test
    void aMistypedSettingVariableIsRefusedOnceNotAlsoCalledIgnored() {
        InProcessStrata.Result result = run(Map.of("STRATA_MIGRATION__LOCK_TIMEOUT", "5s"), "migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("unknown environment variable STRATA_MIGRATION__LOCK_TIMEOUT (did you "
                + "mean STRATA_MIGRATIONS__LOCK_TIMEOUT?)").doesNotContain("is ignored");
    }

    @Test
    void embeddedAndAUrlTogetherAreAContradiction() {
        InProcessStrata.Result result = run(Map.of(), "status", "--embedded", "--url", UNUSED_URL);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("--embedded asks for the embedded PostgreSQL, but a database URL is "
                + "configured");
    }

    @Test
    void aMissingClasspathJarIsAUsageError() {
        InProcessStrata.Result result = run(Map.of(), "status", "--url", UNUSED_URL, "--classpath", "app.jar");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("--classpath app.jar does not exist");
    }

    @Test
    void aBadLocationOptionNamesTheOption() {
        InProcessStrata.Result result = run(Map.of(), "status", "--url", UNUSED_URL, "--locations", "db/migration");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("migrations.locations (from --locations) holds an invalid location "
                + "'db/migration'");
    }

    @Test
    void aBadPortInAJdbcUrlIsAConfigurationError() {
        InProcessStrata.Result result = run(Map.of(), "status", "--url", "jdbc:postgresql://localhost:99999/db");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("port '99999' is not a number from 1 to 65535");
    }

    @Test
    void historyUnreadableHasItsOwnCodeAndWording() {
        HistoryUnreadableException error = new HistoryUnreadableException(new SchemaTable("public", "h"),
                new SQLException("permission denied for table h", "42501"));

        assertThat(ExceptionExitCodes.of(error)).isEqualTo(ExitCode.HISTORY_UNREADABLE);
        assertThat(ExitCode.HISTORY_UNREADABLE.code()).isEqualTo(6);
        assertThat(error.getMessage()).isEqualTo("cannot read the history table public.h: permission denied for "
                + "table h [SQLSTATE 42501]");
        assertThat(error.hint()).startsWith("grant the role SELECT on public.h");
        assertThat(ExceptionExitCodes.wording(error, ExitCode.HISTORY_UNREADABLE)).doesNotContain("rolled back");
    }

    @Test
    void aNonTransactionalFailureIsNotSaidToBeRolledBack() {
        SqlFailure failure = new SqlFailure("V1__a.sql", "m/V1__a.sql", new MigrationId.Versioned(Version.parse("1")),
                2, 1, "42703", "column does not exist", null, null, null, "select nope", 2);
        ResolvedMigration file = new ResolvedMigration(new MigrationId.Repeatable("R__a.sql"), "a", "R__a.sql",
                "m/R__a.sql", "select nope;", Checksum.of("select nope;"));
        MigrationFailedException nonTransactional = new MigrationFailedException(failure,
                new FailureContext(file, MigrationType.SQL, RunCommand.MIGRATE, false, 1, 0), null);
        MigrationFailedException transactional = new MigrationFailedException(failure,
                new FailureContext(file, MigrationType.SQL, RunCommand.MIGRATE, true, 0, 0), null);

        assertThat(ExceptionExitCodes.wording(nonTransactional, ExitCode.MIGRATION_FAILED))
                .doesNotContain("rolled back").contains("stay applied");
        assertThat(ExceptionExitCodes.wording(transactional, ExitCode.MIGRATION_FAILED)).contains("rolled back");
        assertThat(ExitCode.MIGRATION_FAILED.meaning()).doesNotContain("(it was rolled back)");
    }

    @Test
    void anUnexpectedErrorShowsNoStackTraceUnlessDebugIsSet() {
        for (boolean debug : new boolean[] {false, true}) {
            java.io.StringWriter text = new java.io.StringWriter();
            picocli.CommandLine commandLine = new picocli.CommandLine(new StrataCommand(null))
                    .setErr(new java.io.PrintWriter(text, true));
            ErrorReporter reporter = new ErrorReporter(debug, SecretMasker.from(Map.of(), new String[0]));

            int code = reporter.handleExecutionException(new IllegalStateException("boom"), commandLine, null);

            assertThat(code).isEqualTo(70);
            assertThat(text.toString()).contains("error: unexpected java.lang.IllegalStateException: boom",
                    "exit code 70: an unexpected error, which is a bug in Strata")
                    .doesNotContain("a migration failed", "rolled back");
            if (debug) {
                assertThat(text.toString()).contains("\tat ");
            } else {
                assertThat(text.toString()).doesNotContain("\tat ").contains("STRATA_DEBUG=1 shows the stack trace");
            }
        }
    }
}
