package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Shows what migrate would do, without doing it (strata plan), with the {@code migrations.lint} gate when on. */
@Mojo(name = "plan", requiresProject = true, threadSafe = false)
public class PlanMojo extends AbstractLintGatedMojo {
    @Override
    String command() {
        return "plan";
    }
}
