package dev.strata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use from the outside world, passed in by {@link StrataMain}: the environment, the working
 * directory, stdout for results, stderr for notices, the masker that learns secrets as config is read, and whether
 * stdin is a terminal (a person at a keyboard rather than a script).
 */
record CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err,
                  SecretMasker masker, boolean interactive) {
}
