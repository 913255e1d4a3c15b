package dev.strata.cli;

import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;
import dev.strata.migrations.execute.progress.Interruption;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code strata} executable: wires the outside world (environment, streams, exit code) to the commands. */
public final class StrataMain {
    /**
     * pgjdbc logs some failures through java.util.logging (SEVERE, to stderr) as well as throwing them; the thrown
     * error is reported with its exit code, so the raw line is noise. Held here: the logging API keeps loggers weakly.
     */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

    private StrataMain() {
    }

    public static void main(String[] args) {
        StartupWarmUp.start();
        Map<String, String> environment = System.getenv();
        if (!"1".equals(environment.get(EnvironmentCheck.DEBUG_VARIABLE))) {
            DRIVER_LOG.setLevel(Level.OFF);
        }
        SecretMasker masker = SecretMasker.from(environment, args);
        // Every byte to stdout and stderr, including log lines, goes through the masker.
        PrintStream out = new PrintStream(new MaskingOutputStream(new FileOutputStream(FileDescriptor.out), masker),
                true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new MaskingOutputStream(new FileOutputStream(FileDescriptor.err), masker),
                true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        Interruption interruption = new Interruption();
        StopSignals.install(interruption);
        int code = run(args, environment, Path.of("").toAbsolutePath(), out, err, masker, Terminal.stdinIsTerminal(),
                interruption);
        out.flush();
        err.flush();
        ClassArchiveRun.recordOutcome(code);
        System.exit(code);
    }

    /**
     * Runs one command in this JVM and returns its exit code, for hosts such as the Maven plugin's goals: they pass
     * the environment the command sees (its STRATA_* variables), the working directory and the streams, which get
     * the same secret masking as the executable's.
     */
    public static int execute(String[] args, Map<String, String> environment, Path workingDirectory, PrintStream out,
                              PrintStream err) {
        SecretMasker masker = SecretMasker.from(environment, args);
        return run(args, environment, workingDirectory,
                new PrintStream(new MaskingOutputStream(out, masker), true, StandardCharsets.UTF_8),
                new PrintStream(new MaskingOutputStream(err, masker), true, StandardCharsets.UTF_8), masker);
    }

    /** Runs one command as a script would (stdin not a terminal) and returns its exit code. */
    static int run(String[] args, Map<String, String> environment, Path workingDirectory, PrintStream out,
                   PrintStream err, SecretMasker masker) {
        return run(args, environment, workingDirectory, out, err, masker, false, new Interruption());
    }

    /** Runs one command and returns its exit code; the seam tests use in-process. */
    static int run(String[] args, Map<String, String> environment, Path workingDirectory, PrintStream out,
                   PrintStream err, SecretMasker masker, boolean interactive) {
        return run(args, environment, workingDirectory, out, err, masker, interactive, new Interruption());
    }

    private static int run(String[] args, Map<String, String> environment, Path workingDirectory, PrintStream out,
                           PrintStream err, SecretMasker masker, boolean interactive, Interruption interruption) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        EnvironmentCheck.warnings(environment).forEach(errWriter::println);
        CliContext context = new CliContext(environment, workingDirectory, outWriter, errWriter, masker, interactive,
                interruption);
        ErrorReporter errors = new ErrorReporter("1".equals(environment.get(EnvironmentCheck.DEBUG_VARIABLE)), masker);
        CommandLine commandLine = StrataCommand.withSubcommands(
                new CommandLine(new StrataCommand(context), new CommandFactory(context)), args)
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(new ExceptionExitCodes())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        HelpLayout.keepDotNamesWhole(commandLine);
        return commandLine.execute(args);
    }
}
