package dev.strata.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** The results as Markdown: machine facts, one table per case, peak memory, in-process scaling and the targets. */
final class Report {
    private static final List<String> PROCESS_TOOLS = List.of(BenchmarkMain.PSQL, BenchmarkMain.STRATA_CLI,
            BenchmarkMain.STRATA_JAR, BenchmarkMain.FLYWAY_CLI);
    private static final List<String> IN_PROCESS_TOOLS = List.of(BenchmarkMain.STRATA_IN, BenchmarkMain.FLYWAY_IN);

    private final BenchOptions options;
    private final Samples samples;
    private final String serverVersion;
    private final boolean memoryMeasured;
    private final Toolbox tools;
    private final Duration total;

    Report(BenchOptions options, Samples samples, String serverVersion, boolean memoryMeasured, Toolbox tools,
           Duration total) {
        this.options = options;
        this.samples = samples;
        this.serverVersion = serverVersion;
        this.memoryMeasured = memoryMeasured;
        this.tools = tools;
        this.total = total;
    }

    String markdown(LocalDate date) {
        StringBuilder md = new StringBuilder();
        md.append("# Strata benchmark, ").append(date).append("\n\n");
        md.append(MachineFacts.describe(serverVersion)).append('\n');
        md.append("- Runs: median of ").append(options.runs()).append(" per case and tool; one untimed warm-up of every")
                .append(" tool first. Processes are measured before the in-process tools (whose JVM is the harness's),")
                .append(" taking turns within each round with a different one first each round; no-op migrate and")
                .append(" validate go first in alternate rounds.");
        if (options.sizes().stream().anyMatch(n -> n > BenchOptions.LARGE)) {
            md.append(" Cold migrate above ").append(String.format(Locale.ROOT, "%,d", BenchOptions.LARGE))
                    .append(" files: ").append(options.largeColdRuns()).append(" run(s), psql, Strata's CLI");
            md.append(options.flywayLimit() > BenchOptions.LARGE ? " and Flyway's process only." : " only.");
        }
        if (options.flywayLimit() < Integer.MAX_VALUE) {
            md.append(" Flyway measured up to ").append(String.format(Locale.ROOT, "%,d", options.flywayLimit()))
                    .append(" files (`--flyway-limit`): migrating more takes it many minutes per run.");
        }
        md.append(" Whole run: ")
                .append(String.format(Locale.ROOT, "%.0f", total.toMillis() / 1000.0)).append(" s.\n");
        md.append("- Strata CLI: `").append(String.join(" ", tools.strataLauncher()).replace(options.projectRoot() + "/", ""))
                .append("` (the launcher script; its JVM flags are in `" + Toolbox.LAUNCHER + "`). `strata (java -jar)`:")
                .append(" `java -jar migrate-cli/target/strata.jar`, no flags.\n");
        md.append("- Flyway Community ").append(flywayVersion()).append(" as a process: `java -cp <flyway-core,")
                .append(" flyway-database-postgresql, postgresql driver> dev.strata.bench.FlywayMain migrate|validate`")
                .append(" (Flyway's API, default settings, JVM defaults).\n");
        md.append("- psql: one process, `BEGIN; \\i file; INSERT INTO bookkeeping …; COMMIT;` per file, ON_ERROR_STOP.\n");
        md.append("- Peak memory: ").append(memoryMeasured ? "peak RSS of the process (GNU time `%M`)" : "not measured")
                .append(". Times are wall-clock from process start to exit (in-process: the API call).\n\n");
        for (BenchCase benchCase : BenchCase.values()) {
            table(md, benchCase);
        }
        memory(md);
        scaling(md);
        targets(md);
        return md.toString();
    }

    private void table(StringBuilder md, BenchCase benchCase) {
        md.append("## ").append(capitalised(benchCase.title())).append(": ").append(benchCase.meaning())
                .append(" (median seconds)\n\n");
        List<String> columns = new ArrayList<>();
        for (String tool : concat(PROCESS_TOOLS, IN_PROCESS_TOOLS)) {
            if (options.sizes().stream().anyMatch(n -> samples.count(benchCase, n, tool) > 0)) {
                columns.add(tool);
            }
        }
        md.append("| N | ").append(String.join(" | ", columns));
        boolean cold = benchCase == BenchCase.COLD;
        md.append(cold ? " | Strata/psql | Strata/Flyway | in-process Strata/Flyway |\n" : " | Strata/Flyway | in-process Strata/Flyway |\n");
        md.append("|---:|").append("---:|".repeat(columns.size() + (cold ? 3 : 2))).append('\n');
        for (int size : options.sizes()) {
            md.append("| ").append(String.format(Locale.ROOT, "%,d", size));
            for (String tool : columns) {
                md.append(" | ").append(samples.medianTime(benchCase, size, tool).map(Report::seconds).orElse("–"));
            }
            if (cold) {
                md.append(" | ").append(ratio(benchCase, size, BenchmarkMain.STRATA_CLI, BenchmarkMain.PSQL));
            }
            md.append(" | ").append(ratio(benchCase, size, BenchmarkMain.STRATA_CLI, BenchmarkMain.FLYWAY_CLI));
            md.append(" | ").append(ratio(benchCase, size, BenchmarkMain.STRATA_IN, BenchmarkMain.FLYWAY_IN));
            md.append(" |\n");
        }
        md.append('\n');
    }

    private void memory(StringBuilder md) {
        if (!memoryMeasured) {
            return;
        }
        md.append("## Peak memory (median peak RSS, MB)\n\n");
        md.append("| case | N | ").append(String.join(" | ", PROCESS_TOOLS)).append(" | Strata/Flyway |\n");
        md.append("|---|---:|").append("---:|".repeat(PROCESS_TOOLS.size() + 1)).append('\n');
        for (BenchCase benchCase : BenchCase.values()) {
            for (int size : options.sizes()) {
                md.append("| ").append(benchCase.title()).append(" | ").append(String.format(Locale.ROOT, "%,d", size));
                for (String tool : PROCESS_TOOLS) {
                    OptionalLong kb = samples.medianRssKb(benchCase, size, tool);
                    md.append(" | ").append(kb.isPresent() ? megabytes(kb.getAsLong()) : "–");
                }
                md.append(" | ").append(rssRatio(benchCase, size)).append(" |\n");
            }
        }
        md.append('\n');
    }

    private void scaling(StringBuilder md) {
        md.append("## Validate in-process, by N (Strata's `Migrator.validate()`, warm JVM)\n\n");
        md.append("| N | median | per 1,000 files |\n|---:|---:|---:|\n");
        for (int size : options.scalingSizes()) {
            Optional<Duration> median = samples.medianScaling(size);
            md.append("| ").append(String.format(Locale.ROOT, "%,d", size)).append(" | ")
                    .append(median.map(Report::millis).orElse("–")).append(" | ")
                    .append(median.map(d -> millis(d.dividedBy(size).multipliedBy(1000))).orElse("–")).append(" |\n");
        }
        md.append('\n');
    }

    private void targets(StringBuilder md) {
        md.append("## Targets\n\n| target | measured | holds |\n|---|---|---|\n");
        ratioTarget(md, "cold migrate of 1,000 ≤ 1.15 × psql", BenchCase.COLD, BenchmarkMain.PSQL, 1.15);
        ratioTarget(md, "no-op migrate of 1,000 (process) ≤ 0.4 × Flyway", BenchCase.NOOP, BenchmarkMain.FLYWAY_CLI, 0.4);
        ratioTarget(md, "validate of 1,000 (process) ≤ 0.4 × Flyway", BenchCase.VALIDATE, BenchmarkMain.FLYWAY_CLI, 0.4);
        Optional<Duration> v10k = samples.medianScaling(10_000);
        md.append("| validate of 10,000 in-process ≤ 1 s | ").append(v10k.map(Report::millis).orElse("not measured"))
                .append(" | ").append(v10k.map(d -> d.toMillis() <= 1000 ? "yes" : "**no**").orElse("–")).append(" |\n");
        linearity(md);
        OptionalLong strata = samples.medianRssKb(BenchCase.COLD, 1000, BenchmarkMain.STRATA_CLI);
        OptionalLong flyway = samples.medianRssKb(BenchCase.COLD, 1000, BenchmarkMain.FLYWAY_CLI);
        if (strata.isPresent() && flyway.isPresent()) {
            double r = (double) strata.getAsLong() / flyway.getAsLong();
            md.append(String.format(Locale.ROOT, "| peak memory of cold 1,000 ≤ 0.5 × Flyway | %s vs %s MB = %.2f | %s |%n",
                    megabytes(strata.getAsLong()), megabytes(flyway.getAsLong()), r, r <= 0.5 ? "yes" : "**no**"));
        }
        md.append('\n');
    }

    /** Linear: the cost per file at the largest N is at most 1.5 × the cost per file at the smallest. */
    private void linearity(StringBuilder md) {
        List<Integer> sizes = options.scalingSizes().stream().sorted().toList();
        if (sizes.size() < 2) {
            return;
        }
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        Optional<Duration> a = samples.medianScaling(small);
        Optional<Duration> b = samples.medianScaling(large);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double perFileGrowth = (b.get().toNanos() / (double) large) / (a.get().toNanos() / (double) small);
        md.append(String.format(Locale.ROOT, "| validate in-process linear in N (per-file cost at %,d ≤ 1.5 × at %,d)"
                        + " | %.2f × | %s |%n", large, small, perFileGrowth, perFileGrowth <= 1.5 ? "yes" : "**no**"));
    }

    private void ratioTarget(StringBuilder md, String label, BenchCase benchCase, String other, double limit) {
        Optional<Double> r = ratioValue(benchCase, 1000, BenchmarkMain.STRATA_CLI, other);
        md.append("| ").append(label).append(" | ")
                .append(r.map(v -> String.format(Locale.ROOT, "%s vs %s = %.2f",
                        seconds(samples.medianTime(benchCase, 1000, BenchmarkMain.STRATA_CLI).orElseThrow()),
                        seconds(samples.medianTime(benchCase, 1000, other).orElseThrow()), v)).orElse("not measured"))
                .append(" | ").append(r.map(v -> v <= limit ? "yes" : "**no**").orElse("–")).append(" |\n");
    }

    private String ratio(BenchCase benchCase, int size, String tool, String other) {
        return ratioValue(benchCase, size, tool, other).map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("–");
    }

    private Optional<Double> ratioValue(BenchCase benchCase, int size, String tool, String other) {
        Optional<Duration> a = samples.medianTime(benchCase, size, tool);
        Optional<Duration> b = samples.medianTime(benchCase, size, other);
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().toNanos() / (double) b.get().toNanos())
                : Optional.empty();
    }

    private String rssRatio(BenchCase benchCase, int size) {
        OptionalLong a = samples.medianRssKb(benchCase, size, BenchmarkMain.STRATA_CLI);
        OptionalLong b = samples.medianRssKb(benchCase, size, BenchmarkMain.FLYWAY_CLI);
        return a.isPresent() && b.isPresent()
                ? String.format(Locale.ROOT, "%.2f", a.getAsLong() / (double) b.getAsLong()) : "–";
    }

    /** From the jar's Maven metadata: Flyway's manifest carries no version. */
    private static String flywayVersion() {
        try (var in = org.flywaydb.core.Flyway.class.getResourceAsStream(
                "/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
    }

    private static String megabytes(long kb) {
        return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
