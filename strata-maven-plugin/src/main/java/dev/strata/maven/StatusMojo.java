package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Shows the applied and pending migrations (strata status). */
@Mojo(name = "status", requiresProject = true, threadSafe = false)
public class StatusMojo extends AbstractCliMojo {
    @Override
    String command() {
        return "status";
    }
}
