package dev.strata.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The PostgreSQL programs the server is run with ({@code initdb}, {@code postgres --single}, {@code pg_ctl}). Their
 * output goes to the server log; no password is ever on a command line or in the environment (only a SCRAM verifier,
 * through a 0600 file or standard input).
 */
final class PgCommands {
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration COMMAND_WAIT = Duration.ofMinutes(5);

    private final Binaries.Installed binaries;
    private final Path log;

    PgCommands(Binaries.Installed binaries, Path log) {
        this.binaries = binaries;
        this.log = log;
    }

    void initdb(Path dataDirectory, Path verifierFile, boolean sync) {
        List<String> command = new ArrayList<>(List.of(binaries.bin("initdb").toString(), "-D", dataDirectory.toString(),
                "-U", EmbeddedPostgres.SUPERUSER, "-E", "UTF-8", "--auth=scram-sha-256",
                "--pwfile=" + verifierFile));
        if (!sync) {
            command.add("--no-sync");
        }
        run(command, Optional.empty(), COMMAND_WAIT, "initdb of " + dataDirectory);
    }

    /** Sets the superuser's password on a stopped server through single-user mode (the statement on stdin). */
    void setPassword(Path dataDirectory, String verifier) {
        run(List.of(binaries.bin("postgres").toString(), "--single", "-D", dataDirectory.toString(),
                        "-c", "exit_on_error=on", "-c", "log_statement=none", "postgres"),
                Optional.of("ALTER ROLE " + EmbeddedPostgres.SUPERUSER + " PASSWORD '" + verifier + "';\n"),
                COMMAND_WAIT, "setting the superuser password in " + dataDirectory);
    }

    void start(Path dataDirectory, Map<String, String> settings, int port, Duration startupWait) {
        String options = "-p " + port + " " + settings.entrySet().stream()
                .map(setting -> "-c " + setting.getKey() + "=" + shellQuoted(setting.getValue()))
                .collect(Collectors.joining(" "));
        run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(), "-l", log.toString(),
                        "-o", options, "-w", "-t", Long.toString(Math.max(1, startupWait.toSeconds())), "start"),
                Optional.empty(), startupWait.plusSeconds(30), "starting PostgreSQL on " + dataDirectory);
    }

    /** A fast shutdown (every session ended), waiting at most a minute. */
    void stop(Path dataDirectory) {
        if (Files.notExists(dataDirectory.resolve("postmaster.pid"))) {
            return; // already stopped (e.g. by a later start that found it left running)
        }
        run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t",
                Long.toString(STOP_WAIT.toSeconds()), "stop"), Optional.empty(), STOP_WAIT.plusSeconds(30),
                "stopping PostgreSQL on " + dataDirectory);
    }

    /** pg_ctl hands {@code -o} to {@code /bin/sh}: a value is passed single-quoted. */
    private static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    private void run(List<String> command, Optional<String> stdin, Duration wait, String what) {
        try {
            Process process = new ProcessBuilder(AsRoot.wrap(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(stdin.isPresent() ? ProcessBuilder.Redirect.PIPE
                            : ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (stdin.isPresent()) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failed(what + " did not finish within " + wait.toSeconds() + " s", null);
            }
            if (process.exitValue() != 0) {
                throw failed(what + " failed (exit code " + process.exitValue() + ")", null);
            }
        } catch (IOException e) {
            throw failed(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(what + " was interrupted", e);
        }
    }

    private EmbeddedPostgresException failed(String message, Throwable cause) {
        return new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                message + lastLines(), "see the server log " + log, cause);
    }

    /** The end of the server log, where PostgreSQL says why (it holds no password: none is ever sent in clear). */
    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 8), lines.size());
            return tail.isEmpty() ? "" : "; the server log ends with:\n  " + String.join("\n  ", tail);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
