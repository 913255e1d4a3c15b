package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Shows what migrate would do, without doing it (strata plan). */
@Mojo(name = "plan", requiresProject = true, threadSafe = false)
public class PlanMojo extends AbstractCliMojo {
    @Override
    String command() {
        return "plan";
    }
}
