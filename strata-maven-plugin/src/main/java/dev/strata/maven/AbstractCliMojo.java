package dev.strata.maven;

import dev.strata.cli.StrataMain;
import dev.strata.migrations.config.ConfigKey;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A goal that runs one of the CLI's database commands in the build's JVM, with the CLI's own output and exit codes.
 * The POM's values are defaults the environment overrides, exactly like a configuration file: each becomes the
 * STRATA_* variable of its key unless the build's environment sets that variable itself.
 */
abstract class AbstractCliMojo extends AbstractMojo {

    /** The PostgreSQL URL (as {@code database.url}); unset everywhere, the CLI starts an embedded PostgreSQL. */
    @Parameter(property = "strata.url")
    String url;

    /** The user name (as {@code database.user}). */
    @Parameter(property = "strata.user")
    String user;

    /** The password (as {@code database.password}); never printed. */
    @Parameter(property = "strata.password")
    String password;

    /** Where the migrations are: {@code classpath:<path>} or {@code filesystem:<dir>} (as {@code migrations.locations}). */
    @Parameter
    List<String> locations;

    /**
     * Use the embedded PostgreSQL in {@code .strata/pgdata} when no URL is configured (as {@code database.embedded}):
     * a build has no terminal, so without it the CLI refuses that fallback, as it does in any script.
     */
    @Parameter(property = "strata.embedded", defaultValue = "false")
    boolean embedded;

    /** A strata.toml to read (as {@code STRATA_CONFIG}). */
    @Parameter(property = "strata.configFile")
    File configFile;

    /** Skips the goal. */
    @Parameter(property = "strata.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The CLI command this goal runs, e.g. {@code migrate}. */
    abstract String command();

    /** The command's own options, e.g. {@code --exclude table:public.audit_log}; none unless a goal has some. */
    List<String> options() {
        return List.of();
    }

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Strata: " + command() + " skipped (strata.skip).");
            return;
        }
        Quiet.libraries();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(command()));
        arguments.addAll(options());
        int exit = StrataMain.execute(arguments.toArray(String[]::new), environment(System.getenv()), basedir.toPath(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        out.toString(StandardCharsets.UTF_8).lines().forEach(line -> getLog().info(line));
        String errors = err.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            errors.lines().forEach(line -> getLog().error(line));
            throw new MojoFailureException("strata " + command() + " failed with exit code " + exit + ": "
                    + errors.strip());
        }
        errors.lines().forEach(line -> getLog().warn(line));
    }

    /** The POM's values as STRATA_* variables, then the build's environment over them. */
    Map<String, String> environment(Map<String, String> buildEnvironment) {
        Map<String, String> environment = new TreeMap<>();
        put(environment, ConfigKey.DATABASE_URL.environmentVariable(), url);
        put(environment, ConfigKey.DATABASE_USER.environmentVariable(), user);
        put(environment, ConfigKey.DATABASE_PASSWORD.environmentVariable(), password);
        if (embedded) {
            environment.put(ConfigKey.DATABASE_EMBEDDED.environmentVariable(), "true");
        }
        if (locations != null && !locations.isEmpty()) {
            environment.put(ConfigKey.MIGRATIONS_LOCATIONS.environmentVariable(),
                    String.join(",", new ArrayList<>(locations)));
        }
        if (configFile != null) {
            environment.put("STRATA_CONFIG", configFile.getAbsolutePath());
        }
        environment.putAll(buildEnvironment);
        return environment;
    }

    private static void put(Map<String, String> environment, String variable, String value) {
        if (value != null && !value.isBlank()) {
            environment.put(variable, value);
        }
    }
}
