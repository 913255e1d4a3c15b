package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Compares the database's schema with what the migrations produce (strata diff); schema drift fails the build. */
@Mojo(name = "diff", requiresProject = true, threadSafe = false)
public class DiffMojo extends AbstractCliMojo {
    @Override
    String command() {
        return "diff";
    }
}
