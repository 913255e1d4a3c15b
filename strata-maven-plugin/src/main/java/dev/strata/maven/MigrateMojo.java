package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * Applies the pending migrations (strata migrate). With {@code migrations.lint} on, the CLI's gate lints them first,
 * as on the command line.
 */
@Mojo(name = "migrate", requiresProject = true, threadSafe = false)
public class MigrateMojo extends AbstractCliMojo {
    /**
     * Where the {@code migrations.lint} gate replays the migrations (as {@code --scratch-url}): a server on which
     * strata creates a database and drops it afterwards. Unset, a temporary embedded PostgreSQL.
     */
    @Parameter(property = "strata.scratchUrl")
    String scratchUrl;

    @Override
    String command() {
        return "migrate";
    }

    @Override
    List<String> options() {
        return scratchUrl == null || scratchUrl.isBlank() ? List.of() : List.of("--scratch-url", scratchUrl);
    }
}
