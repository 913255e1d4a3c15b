package dev.strata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from the outside world, passed in by {@link StrataMain}: the environment, the working
 * directory, stdout for results, stderr for notices, and the masker that learns secrets as config is read.
 */
record CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err,
                  SecretMasker masker) {
}
