package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs a tool as a whole process and measures it: wall-clock time from start to exit (taken here, around the
 * process), and peak RSS from GNU time ({@code /usr/bin/time -f %M}, kilobytes), which wraps the command and costs
 * one extra fork. Output goes to a log file; a non-zero exit fails the benchmark with the log's tail.
 */
final class ProcessRunner {
    static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Path logDirectory;
    private final boolean measureMemory;
    private int sequence;

    ProcessRunner(Path logDirectory) {
        this.logDirectory = logDirectory;
        this.measureMemory = Files.isExecutable(GNU_TIME);
    }

    boolean measuresMemory() {
        return measureMemory;
    }

    Measurement run(String label, List<String> command, Map<String, String> environment) {
        sequence++;
        String stem = String.format("%04d-%s", sequence, label.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Path log = logDirectory.resolve(stem + ".log");
        Path rss = logDirectory.resolve(stem + ".rss");
        List<String> full = new ArrayList<>();
        if (measureMemory) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            int exit = process.waitFor();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (exit != 0) {
                throw new IllegalStateException(label + " exited with " + exit + "; command: " + String.join(" ", command)
                        + "\n--- last lines of " + log + " ---\n" + tail(log));
            }
            return new Measurement(elapsed, measureMemory ? readRss(rss) : OptionalLong.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + label, e);
        }
    }

    private static OptionalLong readRss(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // GNU time writes "Command exited with non-zero status" first when it does; the number is the last line.
        return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(lines.size() - 1).strip()));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }
}
