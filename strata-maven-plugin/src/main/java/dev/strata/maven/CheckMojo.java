package dev.strata.maven;

import dev.strata.codegen.CodegenException;
import dev.strata.codegen.CodegenSettings;
import dev.strata.codegen.SourceTreeDiff;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the generated sources in {@code directory} differ from what the migrations produce: generates
 * into a temporary directory and compares file by file, printing a unified diff and the command that fixes it.
 * Useful when the generated sources are committed (set {@code directory} to a directory under version control).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCodegenMojo {

    /**
     * The command that regenerates, for the failure message: it uses the configuration given at the plugin level
     * (where both goals read it; docs/maven-plugin.md shows that layout).
     */
    static final String FIX_COMMAND = "mvn dev.strata:strata-maven-plugin:generate -Dstrata.force";

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Strata: check skipped (strata.skip).");
            return;
        }
        CodegenSettings settings = settings();
        SourceTreeDiff diff;
        try {
            Quiet.libraries();
            diff = regeneration(settings).check();
        } catch (CodegenException e) {
            throw failure(e);
        }
        if (!diff.isEmpty()) {
            String report = diff.report("Strata: the generated sources in " + settings.packageDirectory()
                    + " are stale", FIX_COMMAND);
            getLog().error(report);
            throw new MojoFailureException("Strata: the generated sources of " + settings.packageName()
                    + " differ from what the migrations produce (diff above). Fix: " + FIX_COMMAND);
        }
        getLog().info("Strata: the generated sources of " + settings.packageName() + " match the migrations.");
    }
}
