package dev.strata.cli;

import dev.strata.cli.output.SecretMasker;
import dev.strata.migrations.execute.progress.Interruption;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from the outside world, passed in by {@link StrataMain}: the environment, the working
 * directory, stdout for results, stderr for notices, the masker that learns secrets as config is read, whether
 * stdin is a terminal (a person at a keyboard rather than a script), and the {@link Interruption} that SIGINT/SIGTERM
 * trigger.
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err,
                  SecretMasker masker, boolean interactive, Interruption interruption) {

    CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err,
               SecretMasker masker, boolean interactive) {
        this(environment, workingDirectory, out, err, masker, interactive, new Interruption());
    }
}
