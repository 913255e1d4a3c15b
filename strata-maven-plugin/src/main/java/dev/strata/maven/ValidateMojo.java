package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the migration files against the history table without changing anything (strata validate), with the
 * {@code migrations.lint} gate when on.
 */
@Mojo(name = "validate", requiresProject = true, threadSafe = false)
public class ValidateMojo extends AbstractLintGatedMojo {
    @Override
    String command() {
        return "validate";
    }
}
