package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Flyway as a whole process: {@link FlywayMain} on a class path of Flyway, its PostgreSQL support and the driver. */
final class FlywayCli implements Tool {
    private final List<String> javaCommand;
    private final BenchServer server;
    private final ProcessRunner runner;

    FlywayCli(List<String> javaCommand, BenchServer server, ProcessRunner runner) {
        this.javaCommand = List.copyOf(javaCommand);
        this.server = server;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "flyway (process)";
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public Measurement migrate(String database, Path migrations) {
        return run("migrate", database, migrations);
    }

    @Override
    public Measurement validate(String database, Path migrations) {
        return run("validate", database, migrations);
    }

    private Measurement run(String command, String database, Path migrations) {
        List<String> full = new ArrayList<>(javaCommand);
        full.addAll(List.of(FlywayMain.class.getName(), command, server.jdbcUrl(database), server.user(),
                migrations.toAbsolutePath().toString()));
        return runner.run("flyway-" + command, full,
                server.password().map(p -> Map.of("FLYWAY_BENCH_PASSWORD", p)).orElse(Map.of()));
    }
}
