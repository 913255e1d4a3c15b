package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tools of a run, all on the same server, with the same {@code java} (the one running the harness) for every
 * JVM process: Strata's CLI through its launcher script, Strata's jar with no flags at all, Flyway as a process with
 * the JVM's defaults, psql, and Strata and Flyway in-process.
 */
record Toolbox(List<String> strataLauncher, List<String> flywayJava, Tool strataCli, Tool strataJar, Tool flywayCli,
               Tool psql, Tool strataInProcess, Tool flywayInProcess) {
    /** The launcher the distribution archive ships as bin/strata. */
    static final String LAUNCHER = "strata-distribution/src/main/dist/bin/strata";

    static Toolbox create(Path projectRoot, BenchServer server, ProcessRunner runner) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = projectRoot.resolve("migrate-cli/target/strata.jar");
        Path launcher = projectRoot.resolve(LAUNCHER);
        requireFile(jar, "build it: mvn -B -q -DskipTests -pl benchmarks -am package");
        requireFile(launcher, "it is part of the source tree (" + LAUNCHER + ")");
        // The distribution's launcher as installed, pointed at this build's jar instead of its own lib/strata.jar.
        List<String> strataLauncher = List.of("env", "STRATA_JAR=" + jar, launcher.toString());
        String flywayClasspath = read(projectRoot.resolve("benchmarks/target/flyway.classpath")) + ":"
                + projectRoot.resolve("benchmarks/target/classes");
        List<String> flywayJava = List.of(java, "-cp", flywayClasspath);
        return new Toolbox(strataLauncher, flywayJava,
                new StrataCli(BenchmarkMain.STRATA_CLI, strataLauncher, server, runner),
                new StrataCli(BenchmarkMain.STRATA_JAR, List.of(java, "-jar", jar.toString()), server, runner),
                new FlywayCli(flywayJava, server, runner),
                new PsqlTool("psql", server, runner),
                InProcessTools.strata(server),
                InProcessTools.flyway(server));
    }

    /** Every tool, in the order they take turns. */
    List<Tool> all() {
        return List.of(psql, strataCli, strataJar, flywayCli, strataInProcess, flywayInProcess);
    }

    /** The tools that know applied files: no-op migrate and validate. */
    List<Tool> validating() {
        return all().stream().filter(Tool::validates).toList();
    }

    private static void requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found: " + hint);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " not found: build with mvn -B -q -DskipTests -pl benchmarks -am package", e);
        }
    }
}
