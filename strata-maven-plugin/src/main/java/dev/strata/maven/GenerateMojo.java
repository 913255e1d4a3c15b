package dev.strata.maven;

import dev.strata.codegen.CodegenException;
import dev.strata.codegen.CodegenSettings;
import dev.strata.codegen.Regenerate;
import dev.strata.codegen.Regeneration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates typed jOOQ classes and {@code <packageName>.SchemaVersion} from the migrations, on an embedded
 * PostgreSQL, into {@code directory}, and adds it to the compile source roots. Writes nothing, without starting a
 * server, when the generated {@code SchemaVersion} already records the migrations' fingerprint and these settings.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractCodegenMojo {

    /** Regenerates even when the fingerprint matches (e.g. after editing generated files by hand). */
    @Parameter(property = "strata.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Strata: generate skipped (strata.skip).");
            return;
        }
        CodegenSettings settings = settings();
        try {
            Quiet.libraries();
            Regeneration.Result result = regeneration(settings).regenerate(force);
            getLog().info(Regenerate.describe(result, settings));
        } catch (CodegenException e) {
            throw failure(e);
        }
        project.addCompileSourceRoot(settings.outputDirectory().toString());
    }
}
