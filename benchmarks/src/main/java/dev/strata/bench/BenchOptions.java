package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The harness's command line.
 *
 * @param url             a PostgreSQL server to use instead of the embedded one
 * @param sizes           the N of the cold, no-op and validate cases
 * @param runs            measured runs per case and tool (the median is reported)
 * @param scalingSizes    the N at which in-process validate is measured for linearity
 * @param flywayLimit the largest N at which Flyway is measured (it is slow to migrate); larger N skip it
 * @param largeColdRuns   cold-migrate runs for N above 1,000, where only psql, Strata's CLI and Flyway's process run
 * @param coldInProcess   whether cold migrate is also measured in-process
 * @param tools           names (or name prefixes, e.g. {@code strata}) of the tools to run; empty for all
 * @param work            where migrations, logs and databases' scratch files go
 * @param results         the Markdown results file to write
 */
record BenchOptions(Optional<String> url, List<Integer> sizes, int runs, List<Integer> scalingSizes,
                    int flywayLimit, int largeColdRuns, boolean coldInProcess, List<String> tools, Path projectRoot, Path work,
                    Path results) {

    static final String USAGE = """
            usage: benchmarks/run.sh [--url postgresql://user[:password]@host:port/db] [--sizes 100,1000,10000]
                                     [--runs 5] [--scaling 1000,5000,10000] [--flyway-limit 10000]
                                     [--large-cold-runs 5]
                                     [--no-cold-in-process] [--tools psql,strata,flyway] [--results FILE]
                                     [--work DIR]
            """;

    static BenchOptions parse(String[] args, Path projectRoot) {
        Optional<String> url = Optional.empty();
        List<Integer> sizes = List.of(100, 1000, 10000);
        int runs = 5;
        List<Integer> scaling = List.of(1000, 5000, 10000);
        int flywayLimit = Integer.MAX_VALUE;
        Integer largeColdRuns = null;
        boolean coldInProcess = true;
        List<String> tools = List.of();
        Path work = projectRoot.resolve("benchmarks/target/bench-work");
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = Optional.of(value(args, ++i, arg));
                case "--sizes" -> sizes = numbers(value(args, ++i, arg), arg);
                case "--runs" -> runs = positive(value(args, ++i, arg), arg);
                case "--scaling" -> scaling = numbers(value(args, ++i, arg), arg);
                case "--flyway-limit" -> flywayLimit = positive(value(args, ++i, arg), arg);
                case "--large-cold-runs" -> largeColdRuns = positive(value(args, ++i, arg), arg);
                case "--no-cold-in-process" -> coldInProcess = false;
                case "--tools" -> tools = List.of(value(args, ++i, arg).split(","));
                case "--results" -> results = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--work" -> work = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (runs < 5) {
            System.err.println("note: --runs " + runs + " is below the 5 runs the results are meant to be medians of");
        }
        return new BenchOptions(url, sizes, runs, scaling, flywayLimit,
                largeColdRuns == null ? runs : largeColdRuns, coldInProcess, tools, projectRoot, work,
                results);
    }

    /** Cold migrate is slow above 1,000 files: fewer runs there if asked, and only the three whole-process tools. */
    static final int LARGE = 1000;

    int coldRuns(int size) {
        return size > LARGE ? largeColdRuns : runs;
    }

    /** Whether the tool of this name is to run. */
    boolean runs(String toolName) {
        return tools.isEmpty() || tools.stream().anyMatch(prefix -> toolName.startsWith(prefix.strip()));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static List<Integer> numbers(String text, String option) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split(",")) {
            numbers.add(positive(part.strip(), option));
        }
        return List.copyOf(numbers);
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, was '" + text + "'");
        }
    }
}
