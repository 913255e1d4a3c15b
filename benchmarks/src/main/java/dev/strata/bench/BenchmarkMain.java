package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Runs Strata, Flyway and psql side by side on the same generated migrations and the same server, and writes the
 * medians and ratios to a Markdown file. Started by {@code benchmarks/run.sh}; see benchmarks/README.md.
 */
public final class BenchmarkMain {
    static final String STRATA_CLI = "strata (CLI)";
    static final String STRATA_JAR = "strata (java -jar)";
    static final String FLYWAY_CLI = "flyway (process)";
    static final String PSQL = "psql";
    static final String STRATA_IN = "strata (in-process)";
    static final String FLYWAY_IN = "flyway (in-process)";

    private final BenchOptions options;
    private final Toolbox tools;
    private final BenchServer server;
    private final Samples samples = new Samples();
    private int databaseSequence;

    private BenchmarkMain(BenchOptions options, Toolbox tools, BenchServer server) {
        this.options = options;
        this.tools = tools;
        this.server = server;
    }

    public static void main(String[] args) {
        // Flyway and zonky log through SLF4J; only warnings belong in the harness's output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path projectRoot = Path.of(System.getProperty("strata.project.root", "")).toAbsolutePath();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, projectRoot);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Files.createDirectories(options.work().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (BenchServer server = options.url().map(BenchServer::given)
                .orElseGet(() -> BenchServer.embedded(options.work()))) {
            ProcessRunner runner = new ProcessRunner(options.work().resolve("logs"));
            Toolbox tools = Toolbox.create(projectRoot, server, runner);
            new BenchmarkMain(options, tools, server).run(runner);
        }
    }

    private void run(ProcessRunner runner) {
        long started = System.nanoTime();
        System.out.println("Server: " + server.description() + " (" + server.version() + ")");
        System.out.println("JVM flags: strata (CLI) = " + String.join(" ", tools.strataLauncher()) + "; flyway = "
                + String.join(" ", tools.flywayJava()).replaceAll("-cp \\S+", "-cp <flyway.classpath>"));
        warmUp();
        TreeSet<Integer> allSizes = new TreeSet<>(options.sizes());
        allSizes.addAll(options.scalingSizes());
        for (int size : allSizes) {
            Path migrations = generated(size);
            if (options.sizes().contains(size)) {
                cold(size, migrations);
            }
            applied(size, migrations);
        }
        Report report = new Report(options, samples, server.version(), runner.measuresMemory(), tools,
                Duration.ofNanos(System.nanoTime() - started));
        String text = report.markdown(LocalDate.now());
        System.out.println();
        System.out.println(text);
        Path results = options.results() != null ? options.results()
                : options.projectRoot().resolve("benchmarks/results/" + LocalDate.now() + ".md");
        try {
            Files.createDirectories(results.getParent());
            Files.writeString(results, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + results, e);
        }
        System.out.println("Results written to " + results);
    }

    /** One untimed run of every tool, so no measured run pays for a cold page cache or JIT-less harness. */
    private void warmUp() {
        Path migrations = generated(20);
        for (Tool tool : tools.all()) {
            if (!options.runs(tool.name())) {
                continue;
            }
            String database = freshDatabase();
            tool.migrate(database, migrations);
            if (tool.validates()) {
                tool.validate(database, migrations);
            }
            server.dropDatabase(database);
        }
        System.out.println("Warm-up done.");
    }

    private void cold(int size, Path migrations) {
        List<Tool> cold = new ArrayList<>();
        for (Tool tool : tools.all()) {
            if (!options.runs(tool.name()) || tool.inProcess() && !options.coldInProcess()) {
                continue;
            }
            if (tool.name().startsWith("flyway") && size > options.flywayLimit()) {
                continue;
            }
            boolean wholeProcessTrio = List.of(PSQL, STRATA_CLI, FLYWAY_CLI).contains(tool.name());
            if (size > BenchOptions.LARGE && !wholeProcessTrio) {
                continue;
            }
            cold.add(tool);
        }
        for (List<Tool> group : byKind(cold)) {
            for (int round = 1; round <= options.coldRuns(size); round++) {
                for (Tool tool : rotated(group, round)) {
                    String database = freshDatabase();
                    Measurement measurement = tool.migrate(database, migrations);
                    server.dropDatabase(database);
                    samples.add(BenchCase.COLD, size, tool.name(), measurement);
                    progress(BenchCase.COLD, size, tool, round, measurement);
                }
            }
        }
    }

    /**
     * The processes first, then the tools that run in the harness's JVM. An in-process run leaves that JVM compiling
     * and collecting for a while after it returns, on the same two cores as the next measured process, so no
     * process is measured right after one. Within each group, tools take turns round by round, so a burst of load
     * on the machine hits them alike, and the first tool changes from round to round, so that no tool always runs
     * right after the same other one (and its database drop, whose writes the server may still be flushing).
     */
    private static List<List<Tool>> byKind(List<Tool> tools) {
        return List.of(tools.stream().filter(tool -> !tool.inProcess()).toList(),
                tools.stream().filter(Tool::inProcess).toList());
    }

    /** No-op migrate and validate with all files applied; in-process validate also for the scaling sizes. */
    private void applied(int size, Path migrations) {
        boolean full = options.sizes().contains(size);
        String strataDb = freshDatabase();
        tools.strataInProcess().migrate(strataDb, migrations);
        String flywayDb = null;
        boolean flyway = size <= options.flywayLimit();
        if (full && flyway && (options.runs(BenchmarkMain.FLYWAY_CLI) || options.runs(BenchmarkMain.FLYWAY_IN))) {
            flywayDb = freshDatabase();
            tools.flywayInProcess().migrate(flywayDb, migrations);
        }
        List<Tool> measured = tools.validating().stream()
                .filter(tool -> full && options.runs(tool.name()) && (flyway || !tool.name().startsWith("flyway")))
                .toList();
        for (List<Tool> group : byKind(measured)) {
            for (int round = 1; round <= options.runs(); round++) {
                for (Tool tool : rotated(group, round)) {
                    String database = tool.name().startsWith("strata") ? strataDb : flywayDb;
                    // Each case goes first in every other round: the first of two runs pays for a colder cache.
                    if (round % 2 == 1) {
                        noop(size, migrations, tool, database, round);
                        validate(size, migrations, tool, database, round);
                    } else {
                        validate(size, migrations, tool, database, round);
                        noop(size, migrations, tool, database, round);
                    }
                }
            }
        }
        if (options.scalingSizes().contains(size)) {
            for (int round = 1; round <= options.runs(); round++) {
                samples.addScaling(size, tools.strataInProcess().validate(strataDb, migrations).elapsed());
            }
        }
        server.dropDatabase(strataDb);
        if (flywayDb != null) {
            server.dropDatabase(flywayDb);
        }
    }

    private void noop(int size, Path migrations, Tool tool, String database, int round) {
        Measurement noop = tool.migrate(database, migrations);
        samples.add(BenchCase.NOOP, size, tool.name(), noop);
        progress(BenchCase.NOOP, size, tool, round, noop);
    }

    private void validate(int size, Path migrations, Tool tool, String database, int round) {
        Measurement validate = tool.validate(database, migrations);
        samples.add(BenchCase.VALIDATE, size, tool.name(), validate);
        progress(BenchCase.VALIDATE, size, tool, round, validate);
    }

    private static List<Tool> rotated(List<Tool> tools, int round) {
        List<Tool> order = new ArrayList<>(tools);
        java.util.Collections.rotate(order, -(round % Math.max(1, order.size())));
        return order;
    }

    private Path generated(int size) {
        // Always written afresh: deterministic, cheap, and never a leftover of an interrupted run.
        Path directory = options.work().resolve("migrations-" + size);
        MigrationGenerator.regenerate(size, directory);
        return directory;
    }

    private String freshDatabase() {
        String name = "bench_" + ProcessHandle.current().pid() + "_" + (++databaseSequence);
        server.createDatabase(name);
        return name;
    }

    private static void progress(BenchCase benchCase, int size, Tool tool, int round, Measurement measurement) {
        System.out.printf(Locale.ROOT, "%-14s N=%-6d %-22s run %d: %8.3f s%s%n", benchCase.title(), size, tool.name(),
                round, measurement.elapsed().toNanos() / 1e9,
                measurement.peakRssKb().isPresent() ? String.format(Locale.ROOT, "  peak RSS %6.1f MB",
                        measurement.peakRssKb().getAsLong() / 1024.0) : "");
    }
}
