package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strata's CLI as a whole process: {@code <launcher> migrate|validate --url …}, the migrations named by
 * {@code STRATA_MIGRATIONS__LOCATIONS=filesystem:<dir>}. The launcher is either the distribution's {@code bin/strata}
 * script (its JVM flags and class-data-sharing archive) or plain {@code java -jar strata.jar}.
 */
final class StrataCli implements Tool {
    private final String name;
    private final List<String> launcher;
    private final BenchServer server;
    private final ProcessRunner runner;

    StrataCli(String name, List<String> launcher, BenchServer server, ProcessRunner runner) {
        this.name = name;
        this.launcher = List.copyOf(launcher);
        this.server = server;
        this.runner = runner;
    }

    @Override
    public String name() {
        return name;
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
        List<String> full = new ArrayList<>(launcher);
        full.addAll(List.of(command, "--url", server.strataUrl(database)));
        // The password through the environment, never the command line (other users can read a process's arguments).
        Map<String, String> environment = new HashMap<>(
                Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations.toAbsolutePath()));
        server.password().ifPresent(password -> environment.put("STRATA_DATABASE__PASSWORD", password));
        return runner.run(name + "-" + command, full, environment);
    }
}
