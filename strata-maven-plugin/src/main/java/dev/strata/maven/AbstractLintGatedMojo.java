package dev.strata.maven;

import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * A goal whose CLI command applies the {@code migrations.lint} gate (migrate, validate, plan), and so takes the place
 * where the gate replays the migrations, declared once for all of them.
 */
abstract class AbstractLintGatedMojo extends AbstractCliMojo {
    /**
     * Where the {@code migrations.lint} gate replays the migrations (as {@code --scratch-url}): a server on which
     * strata creates a database and drops it afterwards. Unset, a temporary embedded PostgreSQL.
     */
    @Parameter(property = "strata.scratchUrl")
    String scratchUrl;

    /** An option rather than a variable: {@code --scratch-url} is a command-line option only. */
    @Override
    List<String> options() {
        return scratchUrl == null || scratchUrl.isBlank() ? List.of() : List.of("--scratch-url", scratchUrl);
    }
}
