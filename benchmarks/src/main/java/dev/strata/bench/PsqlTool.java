package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The practical lower limit: one {@code psql} process applying every file in version order, each in its own
 * transaction together with a bookkeeping insert ({@code BEGIN; \i file; INSERT …; COMMIT;}), stopping at the first
 * error ({@code ON_ERROR_STOP}). No checksums, no lock, no validation: what a tool costs on top of this is its
 * overhead. The driver script is written before the process starts, outside the timing.
 */
final class PsqlTool implements Tool {
    private final String psql;
    private final BenchServer server;
    private final ProcessRunner runner;

    PsqlTool(String psql, BenchServer server, ProcessRunner runner) {
        this.psql = psql;
        this.server = server;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "psql";
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public Measurement migrate(String database, Path migrations) {
        Path driver = driverFor(migrations);
        Map<String, String> environment = new HashMap<>();
        server.password().ifPresent(password -> environment.put("PGPASSWORD", password));
        return runner.run("psql-migrate", List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(),
                "-p", Integer.toString(server.port()), "-U", server.user(), "-d", database, "-f", driver.toString()),
                environment);
    }

    @Override
    public boolean validates() {
        return false;
    }

    @Override
    public Measurement validate(String database, Path migrations) {
        throw new UnsupportedOperationException("psql has no notion of applied files");
    }

    /** {@code <dir>.psql}: creates the bookkeeping table, then one transaction per file. */
    static Path driverFor(Path migrations) {
        Path driver = migrations.resolveSibling(migrations.getFileName() + ".psql");
        try (Stream<Path> files = Files.list(migrations)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
            StringBuilder script = new StringBuilder();
            script.append("create table bookkeeping (version integer primary key, script text not null,")
                    .append(" installed_at timestamptz not null default now());\n");
            for (Path file : sorted) {
                String name = file.getFileName().toString();
                script.append("begin;\n")
                        .append("\\i '").append(file.toAbsolutePath()).append("'\n")
                        .append("insert into bookkeeping (version, script) values (").append(version(file))
                        .append(", '").append(name).append("');\n")
                        .append("commit;\n");
            }
            Files.writeString(driver, script, StandardCharsets.UTF_8);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the psql driver script " + driver, e);
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
