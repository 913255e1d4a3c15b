package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Applies the pending migrations (strata migrate). */
@Mojo(name = "migrate", requiresProject = true, threadSafe = false)
public class MigrateMojo extends AbstractCliMojo {
    @Override
    String command() {
        return "migrate";
    }
}
