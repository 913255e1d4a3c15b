package dev.strata.it.cli;

import dev.strata.it.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code strata.jar} as a separate process, the way a release pipeline does, and captures its exit
 * code, stdout and stderr. Every captured output is also handed to {@link Secrets} for the suite-wide secret scan.
 */
public final class StrataCli {
    /** A bound on a hung process, not a timing assertion. */
    private static final long PROCESS_LIMIT_SECONDS = 180;
    private static final List<String> ALL_OUTPUT = Collections.synchronizedList(new ArrayList<>());

    private StrataCli() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("strata.jar", "../migrate-cli/target/strata.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with `mvn -pl migrate-cli package`");
        }
        return jar;
    }

    public static Result run(Path workingDirectory, Map<String, String> environment, String... args) {
        return Runner.run(workingDirectory, environment, args);
    }

    static List<String> allOutput() {
        return ALL_OUTPUT;
    }

    /** Launches a process with its output in files (no pipe to fill up), and waits for it. */
    public static final class Runner {
        private Runner() {
        }

        public static Result run(Path workingDirectory, Map<String, String> environment, String... args) {
            return await(launch(workingDirectory, environment, args));
        }

        public static Launched launch(Path workingDirectory, Map<String, String> environment, String... args) {
            try {
                Path outputs = Files.createTempDirectory(workingDirectory.getParent() == null ? workingDirectory
                        : workingDirectory.getParent(), "strata-run");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                // A short-lived CLI: the client compiler alone and the serial collector start it with about a third
                // less CPU (the suite starts hundreds), and change nothing it does.
                command.add("-XX:TieredStopAtLevel=1");
                command.add("-XX:+UseSerialGC");
                command.add("-jar");
                command.add(jar().toAbsolutePath().toString());
                command.addAll(List.of(args));
                ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
                // A child sees only the Strata settings and the CI flag its test gives it, never the runner's (CI sets
                // CI=true, which changes how strata treats a missing URL).
                builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_") || name.equals("CI"));
                builder.environment().putAll(environment);
                builder.redirectOutput(outputs.resolve("stdout").toFile());
                builder.redirectError(outputs.resolve("stderr").toFile());
                return new Launched(builder.start(), outputs, "strata " + String.join(" ", args));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Result await(Launched launched) {
            try {
                if (!launched.process().waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    launched.process().destroyForcibly();
                    throw new IllegalStateException("strata did not finish within " + PROCESS_LIMIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return launched.collect();
        }
    }

    /** A started {@code strata} process; {@code command} is what it was started with, for messages. */
    public record Launched(Process process, Path outputs, String command) {
        /** What it has written to stdout so far. */
        public String stdoutSoFar() {
            try {
                return Files.readString(outputs.resolve("stdout"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** SIGKILL (on Linux and macOS {@link Process#destroyForcibly()} sends it), then collects the output. */
        public Result kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return collect();
        }

        Result collect() {
            try {
                String stdout = Files.readString(outputs.resolve("stdout"), StandardCharsets.UTF_8);
                String stderr = Files.readString(outputs.resolve("stderr"), StandardCharsets.UTF_8);
                ALL_OUTPUT.add(stdout);
                ALL_OUTPUT.add(stderr);
                Secrets.recordOutput("stdout of " + command, stdout);
                Secrets.recordOutput("stderr of " + command, stderr);
                return new Result(process.exitValue(), stdout, stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
