package dev.strata.cli.fleet;

import dev.strata.migrations.config.FleetConfig;
import dev.strata.migrations.core.FailurePolicy;
import dev.strata.migrations.fleet.FleetOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The fleet options of {@code migrate}, {@code status}, {@code validate}, {@code plan}, {@code diff} and {@code adopt}, declared once and
 * mixed into each:
 * with {@code --targets}, the command runs on every selected target of the fleet instead of one database.
 */
public final class TargetsOptions {
    @Option(names = "--targets", paramLabel = "SELECTION",
            description = "Run on the fleet's targets ([[targets]] entries, [fleet] schemas and query; see "
                    + "docs/fleet.md) instead of one database: all, a target's name, or a pattern such as tenant_*.")
    String targets;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --targets: how many targets run at once, 1 to 64 (default: [fleet] parallel, 4); "
                    + "at most N + 1 connections to any one server.")
    Integer parallel;

    @Option(names = "--on-failure", paramLabel = "POLICY",
            description = "With --targets: continue (default: every other target still runs) or stop (no "
                    + "further target starts after a failure).")
    String onFailure;

    @Option(names = "--canary", paramLabel = "K",
            description = "With --targets: run the first K targets on their own first; if one fails, no other "
                    + "target starts.")
    Integer canary;

    public boolean active() {
        return targets != null;
    }

    /** The options given on the command line beat [fleet]. */
    FleetOptions options(CommandLine commandLine, FleetConfig config) {
        int n = Optional.ofNullable(parallel).orElse(config.parallel());
        if (n < 1 || n > FleetOptions.MAX_PARALLEL) {
            throw new CommandLine.ParameterException(commandLine, "--parallel " + n + ": expected a number from 1 to "
                    + FleetOptions.MAX_PARALLEL);
        }
        FailurePolicy policy = onFailure == null ? config.onFailure() : FailurePolicy.parse(onFailure).orElseThrow(
                () -> new CommandLine.ParameterException(commandLine, "--on-failure " + onFailure
                        + ": expected continue or stop"));
        int k = Optional.ofNullable(canary).orElse(0);
        if (k < 0) {
            throw new CommandLine.ParameterException(commandLine, "--canary " + k + ": expected 0 or more targets");
        }
        return new FleetOptions(n, policy, k);
    }

    /** Whether a fleet option was given without {@code --targets}. */
    boolean strayOptions() {
        return !active() && (parallel != null || onFailure != null || canary != null);
    }
}
