package dev.strata.cli.command;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} on each command, declared once and mixed in. Not picocli's standard mixin, which also
 * brings {@code --version}: {@code baseline --version} is the version to record.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this command's help and exit.")
    boolean help;
}
