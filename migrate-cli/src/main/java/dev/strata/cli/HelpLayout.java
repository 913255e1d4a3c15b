package dev.strata.cli;

import picocli.CommandLine;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps a name that starts with a dot, such as {@code .strata/pgdata}, whole in the usage text. picocli wraps lines
 * where {@link java.text.BreakIterator} allows, and that allows a break after any dot, so a wrapped help showed
 * ". strata/pgdata" split over two lines.
 */
final class HelpLayout {
    /** A line ending in " ." whose continuation starts with the rest of the name. */
    private static final Pattern SPLIT_DOT_NAME = Pattern.compile(" \\.(\\r?\\n *)(?=[A-Za-z0-9_])");

    private HelpLayout() {
    }

    static CommandLine keepDotNamesWhole(CommandLine command) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = command.getHelpSectionMap();
        sections.replaceAll((key, renderer) -> help -> join(renderer.render(help)));
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(HelpLayout::keepDotNamesWhole);
        return command;
    }

    static String join(String text) {
        return SPLIT_DOT_NAME.matcher(text).replaceAll("$1.");
    }
}
