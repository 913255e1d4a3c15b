package dev.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lint benchmark (issue #15): {@code strata lint --all} as a process on the generated migrations, against a plain
 * replay of the same files ({@code strata migrate} into an empty database), and on a smaller set whose target holds
 * one large populated table (the cost of weighing findings by the target's sizes). Run by {@code benchmarks/lint.sh},
 * never by mvn.
 *
 * <p>Arguments: {@code files smallFiles largeTableMb runs}, e.g. {@code 1000 100 1024 3}.
 */
public final class LintBenchmark {
    /** Table 20 of the generated set: files 96 to 100 create, alter, trigger, view and backfill it. */
    private static final String LARGE_TABLE = "entity_20";

    private LintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(args[0]);
        int smallFiles = Integer.parseInt(args[1]);
        int largeTableMb = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path root = Path.of(System.getProperty("strata.project.root", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("strata-lint-bench");
        Path big = work.resolve("migrations-" + files);
        Path small = work.resolve("migrations-" + smallFiles);
        MigrationGenerator.generate(files, big);
        MigrationGenerator.generate(smallFiles, small);
        System.out.println(Runtime.getRuntime().availableProcessors() + " CPUs; java " + Runtime.version()
                + "; work directory " + work);
        try (BenchServer server = BenchServer.embedded(work)) {
            System.out.println("server: " + server.version());
            Cli cli = new Cli(Path.of(System.getProperty("strata.jar",
                    root.resolve("migrate-cli/target/strata.jar").toString())), server, work);
            String scratch = "--scratch-url=" + server.strataUrlWithPassword("postgres");

            for (int run = 1; run <= runs; run++) {
                server.createDatabase("replay_target");
                cli.time(files + " files: migrate into an empty database (the plain replay)", big, "replay_target",
                        "migrate");
                server.createDatabase("lint_target");
                cli.time(files + " files: lint --all, scratch database on the same server", big, "lint_target",
                        "lint", "--all", scratch);
                cli.time(files + " files: lint --all, embedded scratch server (the default)", big, "lint_target",
                        "lint", "--all");
            }

            server.createDatabase("small_empty");
            cli.run(small, "small_empty", "migrate");
            server.createDatabase("small_large");
            cli.run(small, "small_large", "migrate");
            long bytes = populate(server, "small_large", largeTableMb * 1024L * 1024L);
            System.out.printf(Locale.ROOT, "%s in small_large: %.0f MB (pg_total_relation_size)%n", LARGE_TABLE,
                    bytes / 1024.0 / 1024.0);
            for (int run = 1; run <= runs; run++) {
                server.createDatabase("small_replay");
                cli.time(smallFiles + " files: migrate into an empty database (the plain replay)", small,
                        "small_replay", "migrate");
                cli.time(smallFiles + " files: lint --all, target migrated, its tables empty", small, "small_empty",
                        "lint", "--all", scratch);
                cli.time(smallFiles + " files: lint --all, target migrated, " + LARGE_TABLE + " populated", small,
                        "small_large", "lint", "--all", scratch);
            }
            cli.printMedians();
            System.out.println("findings of the last run on the populated target: " + cli.lastLine(small,
                    "small_large", "lint", "--all", scratch));
        }
    }

    /** Inserts rows into {@link #LARGE_TABLE} in batches until its size (indexes included) reaches {@code bytes}. */
    private static long populate(BenchServer server, String database, long bytes) throws SQLException {
        try (Connection connection = server.open(database); Statement statement = connection.createStatement()) {
            long size = 0;
            for (int batch = 0; size < bytes; batch++) {
                statement.execute("insert into " + LARGE_TABLE + " (name, status, amount, attributes)"
                        + " select 'bulk ' || " + batch + " || '-' || g, 'active', g % 5000,"
                        + " jsonb_build_object('note', repeat(md5(g::text), 8)) from generate_series(1, 200000) g");
                try (ResultSet row = statement.executeQuery("select pg_total_relation_size('" + LARGE_TABLE + "')")) {
                    row.next();
                    size = row.getLong(1);
                }
            }
            statement.execute("analyze " + LARGE_TABLE);
            return size;
        }
    }

    /** The CLI as a process, {@code java -jar strata.jar}, its output into a file; wall time per case. */
    private static final class Cli {
        private final Path jar;
        private final BenchServer server;
        private final Path output;
        private final Map<String, List<Double>> seconds = new java.util.LinkedHashMap<>();

        Cli(Path jar, BenchServer server, Path work) {
            this.jar = jar;
            this.server = server;
            this.output = work.resolve("cli-output.txt");
        }

        void time(String label, Path migrations, String database, String... arguments)
                throws IOException, InterruptedException {
            long started = System.nanoTime();
            run(migrations, database, arguments);
            double elapsed = (System.nanoTime() - started) / 1e9;
            seconds.computeIfAbsent(label, key -> new ArrayList<>()).add(elapsed);
            System.out.printf(Locale.ROOT, "  %-75s %7.2f s%n", label, elapsed);
        }

        void run(Path migrations, String database, String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
            command.addAll(List.of(arguments));
            command.addAll(List.of("--url", server.strataUrl(database)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
            server.password().ifPresent(password -> builder.environment().put("STRATA_DATABASE__PASSWORD", password));
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("strata " + String.join(" ", arguments) + " exited with " + exit
                        + ":\n" + Files.readString(output));
            }
        }

        String lastLine(Path migrations, String database, String... arguments)
                throws IOException, InterruptedException {
            run(migrations, database, arguments);
            List<String> lines = Files.readAllLines(output);
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        void printMedians() {
            System.out.println();
            System.out.println("| case | runs | median (s) | min (s) |");
            System.out.println("|---|---|---|---|");
            seconds.forEach((label, values) -> {
                List<Double> sorted = values.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", label, sorted.size(),
                        sorted.get(sorted.size() / 2), sorted.get(0));
            });
        }
    }
}
