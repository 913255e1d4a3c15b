package dev.strata.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/** Compares the database's schema with what the migrations produce (strata diff); schema drift fails the build. */
@Mojo(name = "diff", requiresProject = true, threadSafe = false)
public class DiffMojo extends AbstractCliMojo {
    /**
     * Objects left out of the comparison, one pattern each (as {@code --exclude}, added to {@code drift.exclude}):
     * {@code schema:<glob>}, {@code kind:<kind>}, {@code <kind>:<glob>} or {@code object:<glob>}. Passed as options,
     * not through the environment, because a function's signature holds commas.
     */
    @Parameter
    List<String> excludes;

    @Override
    String command() {
        return "diff";
    }

    @Override
    List<String> options() {
        List<String> options = new ArrayList<>();
        if (excludes != null) {
            excludes.forEach(pattern -> {
                options.add("--exclude");
                options.add(pattern);
            });
        }
        return options;
    }
}
