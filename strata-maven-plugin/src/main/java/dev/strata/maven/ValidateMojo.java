package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Checks the migration files against the history table without changing anything (strata validate). */
@Mojo(name = "validate", requiresProject = true, threadSafe = false)
public class ValidateMojo extends AbstractCliMojo {
    @Override
    String command() {
        return "validate";
    }
}
