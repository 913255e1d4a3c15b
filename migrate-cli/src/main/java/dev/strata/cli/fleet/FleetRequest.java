package dev.strata.cli.fleet;

import dev.strata.cli.CliContext;
import dev.strata.cli.command.ScratchOptions;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.Target;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command asks of a {@code --targets} run: the {@code command} it is, where the {@code migrations.lint} gate
 * replays each target's pending files ({@code lintGate}: empty when the command has no gate), and the {@code work} it
 * does on the selected targets.
 */
public record FleetRequest(FleetCommand command, Optional<ScratchOptions> lintGate, Work work) {

    /** What a fleet command does once the targets are selected: runs them, and returns what happened. */
    @FunctionalInterface
    public interface Work {
        FleetResult run(Fleet fleet, StrataConfig config, List<Target> selected, FleetOptions options,
                        FleetListener listener, CliContext context);
    }

    public FleetRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(lintGate, "lintGate");
        Objects.requireNonNull(work, "work");
    }

    /** {@code command} as the fleet runs it on each target, with no lint gate. */
    public static FleetRequest of(FleetCommand command) {
        return of(command, (fleet, config, selected, options, listener, context) ->
                fleet.run(command, selected, options, listener, context.interruption()));
    }

    /** {@code command}, doing {@code work} on the selected targets, with no lint gate. */
    public static FleetRequest of(FleetCommand command, Work work) {
        return new FleetRequest(command, Optional.empty(), work);
    }

    /** The same request, with the {@code migrations.lint} gate on each target linting on {@code scratch}'s databases. */
    public FleetRequest gatedOn(ScratchOptions scratch) {
        return new FleetRequest(command, Optional.of(scratch), work);
    }
}
