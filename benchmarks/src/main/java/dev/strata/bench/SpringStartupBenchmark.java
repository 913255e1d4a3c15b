package dev.strata.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Start-up time of the example Spring Boot application ({@code examples/spring-boot-app}) with and without Strata
 * (issue #16; run by {@code benchmarks/spring-startup.sh}). Each start is a new JVM on the application's own runtime
 * class path against one migrated database; it is timed until Spring Boot logs {@code Started PlatformApplication},
 * then stopped. Variants take turns within each round, the first changing from round to round.
 *
 * <p>Arguments: {@code CLASSPATH_FILE [--runs N] [--url postgresql://…] [--results FILE] [--logs DIRECTORY]}.
 */
public final class SpringStartupBenchmark {
    private static final String MAIN = "com.example.platform.PlatformApplication";
    private static final String DATABASE = "bench_spring_startup";
    private static final Pattern STARTED = Pattern.compile(
            "Started PlatformApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    /** One way to start the application: which class path entries it drops and which arguments it adds. */
    private record Variant(String name, String droppedJar, List<String> arguments) {
    }

    /** One start: wall time from process start to the log line, and Spring Boot's own two figures. */
    private record Start(Duration wall, double springSeconds, double jvmSeconds, List<String> log) {
    }

    private SpringStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SpringStartupBenchmark CLASSPATH_FILE [--runs N] [--url URL] [--results FILE]"
                    + " [--logs DIRECTORY]");
            System.exit(2);
        }
        Path classpathFile = Path.of(args[0]);
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "10"));
        Path results = Path.of(options.getOrDefault("--results",
                "benchmarks/results/" + LocalDate.now() + "-spring-startup.md"));
        String classpath = Files.readString(classpathFile).strip();

        List<Variant> variants = List.of(
                new Variant("Strata (verify at start)", "", List.of()),
                new Variant("Strata on the class path, strata.enabled=false", "",
                        List.of("--strata.enabled=false")),
                new Variant("without Strata (starter not on the class path)", "strata-spring-boot-starter",
                        List.of()));
        Path work = Files.createTempDirectory("strata-spring-startup");
        try (BenchServer server = options.containsKey("--url") ? BenchServer.given(options.get("--url"))
                : BenchServer.embedded(work)) {
            server.createDatabase(DATABASE);
            try {
                // Untimed: migrates the database (the application's own migrate-at-start) and warms the disk cache.
                start(server, classpath, List.of("--strata.migrate-at-start=true"));
                for (Variant variant : variants) {
                    start(server, without(classpath, variant.droppedJar()), variant.arguments());
                }
                Map<String, List<Start>> samples = new LinkedHashMap<>();
                for (int round = 0; round < runs; round++) {
                    for (int i = 0; i < variants.size(); i++) {
                        Variant variant = variants.get((round + i) % variants.size());
                        Start start = start(server, without(classpath, variant.droppedJar()), variant.arguments());
                        samples.computeIfAbsent(variant.name(), key -> new ArrayList<>()).add(start);
                        System.err.printf(Locale.ROOT, "round %d  %-50s %6d ms%n", round + 1, variant.name(),
                                start.wall().toMillis());
                    }
                }
                String report = report(variants, samples, runs, server.version());
                if (options.containsKey("--logs")) {
                    writeLogs(Path.of(options.get("--logs")), samples);
                }
                Files.createDirectories(results.toAbsolutePath().getParent());
                Files.writeString(results, report);
                System.out.print(report);
                System.err.println("written to " + results);
            } finally {
                server.dropDatabase(DATABASE);
            }
        }
    }

    private static Start start(BenchServer server, String classpath, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classpath, MAIN, "--spring.datasource.url=" + server.jdbcUrl(DATABASE),
                "--spring.datasource.username=" + server.user()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The password through the environment, never on a command line that ps shows.
        server.password().ifPresent(password -> builder.environment().put("SPRING_DATASOURCE_PASSWORD", password));
        long begin = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    Duration wall = Duration.ofNanos(System.nanoTime() - begin);
                    return new Start(wall, Double.parseDouble(started.group(1)), Double.parseDouble(started.group(2)),
                            output);
                }
                if (Duration.ofNanos(System.nanoTime() - begin).compareTo(START_LIMIT) > 0) {
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        throw new IllegalStateException("the application did not log 'Started PlatformApplication' (exit "
                + process.exitValue() + "); its last lines:\n" + String.join("\n",
                output.subList(Math.max(0, output.size() - 30), output.size())));
    }

    /** The log of each variant's last start, to see what a start did (one file per variant). */
    private static void writeLogs(Path directory, Map<String, List<Start>> samples) throws IOException {
        Files.createDirectories(directory);
        int index = 1;
        for (Map.Entry<String, List<Start>> variant : samples.entrySet()) {
            List<Start> starts = variant.getValue();
            Files.write(directory.resolve("variant-" + index++ + ".log"), starts.get(starts.size() - 1).log());
        }
        System.err.println("logs of the last start of each variant in " + directory);
    }

    private static String without(String classpath, String jarName) {
        if (jarName.isEmpty()) {
            return classpath;
        }
        List<String> entries = Arrays.asList(classpath.split(java.io.File.pathSeparator));
        List<String> kept = entries.stream().filter(entry -> !Path.of(entry).getFileName().toString()
                .startsWith(jarName)).toList();
        if (kept.size() != entries.size() - 1) {
            throw new IllegalStateException("expected exactly one " + jarName + " entry in the class path");
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    private static String report(List<Variant> variants, Map<String, List<Start>> samples, int runs,
                                 String serverVersion) {
        StringBuilder text = new StringBuilder("# Spring Boot start-up with and without Strata\n\n");
        text.append("The example application (`examples/spring-boot-app`: Spring Boot, HikariCP, jOOQ, the example"
                + " system's generated classes) started ").append(runs).append(" times per variant, each a new JVM"
                + " (default flags) on its runtime class path against one migrated database; variants take turns"
                + " within each round. Medians; *wall* is process start until Spring Boot logs `Started"
                + " PlatformApplication`, *Spring* is the time that line reports (from `SpringApplication.run`),"
                + " *JVM uptime* its `process running for`.\n\n");
        text.append("Reproduce: `benchmarks/spring-startup.sh --runs ").append(runs).append("` (add `--url"
                + " postgresql://user@host:5432/postgres` for a server of your own).\n\n");
        text.append(MachineFacts.describe(serverVersion)).append('\n');
        text.append("| variant | wall (median) | Spring (median) | JVM uptime (median) | wall min–max |\n");
        text.append("|---|---|---|---|---|\n");
        for (Variant variant : variants) {
            List<Start> list = samples.get(variant.name());
            long[] wall = list.stream().mapToLong(start -> start.wall().toMillis()).sorted().toArray();
            text.append(String.format(Locale.ROOT, "| %s | %d ms | %.3f s | %.3f s | %d–%d ms |%n", variant.name(),
                    median(wall), medianOf(list.stream().mapToDouble(Start::springSeconds).toArray()),
                    medianOf(list.stream().mapToDouble(Start::jvmSeconds).toArray()), wall[0],
                    wall[wall.length - 1]));
        }
        text.append("\nEvery start (wall, ms):\n\n");
        for (Variant variant : variants) {
            text.append("- ").append(variant.name()).append(": ").append(samples.get(variant.name()).stream()
                    .map(start -> Long.toString(start.wall().toMillis())).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return text.toString();
    }

    private static long median(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double medianOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--runs", "--url", "--results", "--logs").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + " (expected --runs N, --url URL, --results FILE, --logs DIRECTORY)");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
