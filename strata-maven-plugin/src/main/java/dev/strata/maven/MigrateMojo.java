package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies the pending migrations (strata migrate). With {@code migrations.lint} on, the CLI's gate lints them first,
 * as on the command line.
 */
@Mojo(name = "migrate", requiresProject = true, threadSafe = false)
public class MigrateMojo extends AbstractLintGatedMojo {
    @Override
    String command() {
        return "migrate";
    }
}
