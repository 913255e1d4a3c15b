package dev.strata.cli;

import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.ProblemKind;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Help text listing the engine's enums (migration states, problem kinds), built from the enums so that a new
 * constant shows up in {@code strata status --help} and {@code strata validate --help} without editing any text.
 */
final class GeneratedHelp {
    private GeneratedHelp() {
    }

    /** Adds the lists to the commands on {@code strata}'s command line that show them. */
    static CommandLine apply(CommandLine strata) {
        CommandLine status = strata.getSubcommands().get("status");
        if (status != null) {
            appendParagraph(status, "States: " + states() + ".");
        }
        CommandLine validate = strata.getSubcommands().get("validate");
        if (validate != null) {
            appendParagraph(validate, "Problems that fail it: " + problemKinds() + ".");
        }
        return strata;
    }

    static String states() {
        return Arrays.stream(MigrationState.values()).map(MigrationState::label).collect(Collectors.joining(", "));
    }

    /** Each kind as its constant reads in words: UNDO_WITHOUT_MIGRATION is "undo without migration". */
    static String problemKinds() {
        return Arrays.stream(ProblemKind.values())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static void appendParagraph(CommandLine command, String paragraph) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        List<String> lines = new java.util.ArrayList<>(List.of(usage.description()));
        lines.add("");
        lines.add(paragraph);
        usage.description(lines.toArray(String[]::new));
    }
}
