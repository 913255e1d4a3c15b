package dev.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Cores, memory, CPU model, JDK and PostgreSQL, for the results file. */
final class MachineFacts {
    private MachineFacts() {
    }

    static String describe(String serverVersion) {
        return "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel().orElse("unknown CPU")
                + "), " + memory().orElse("unknown") + " RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; load average at the end: " + loadAverage().orElse("unknown") + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "- PostgreSQL: " + serverVersion + "\n";
    }

    private static Optional<String> cpuModel() {
        return firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).strip());
    }

    private static Optional<String> memory() {
        return firstLine(Path.of("/proc/meminfo"), "MemTotal").map(line -> {
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        });
    }

    private static Optional<String> loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return Optional.of(parts[0] + " " + parts[1] + " " + parts[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
