package dev.strata.cli.fleet;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.command.ConnectionOptions;
import dev.strata.cli.command.DatabaseCommand;
import dev.strata.cli.database.MigrationClasspath;
import dev.strata.cli.output.JsonReport;
import dev.strata.cli.output.Plural;
import dev.strata.cli.output.Renderer;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.FleetTargets;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;
import dev.strata.migrations.lint.LintGateCheck;
import picocli.CommandLine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code migrate}, {@code status}, {@code validate}, {@code plan}, {@code diff} or {@code adopt} with
 * {@code --targets}: the command on every selected target, then one summary. Exits 0 only when every target succeeded; SIGINT/SIGTERM stop the run
 * target by target (the context's interruption is handed to the fleet).
 */
public final class FleetRun {
    private final CliContext context;
    private final ConnectionOptions connection;
    private final JsonReport report;
    private final Renderer renderer;

    FleetRun(CliContext context, ConnectionOptions connection, JsonReport report, Renderer renderer) {
        this.context = context;
        this.connection = connection;
        this.report = report;
        this.renderer = renderer;
    }

    /**
     * Runs {@code request} on the fleet when {@code --targets} was given; empty when it was not (the command then
     * works on one database as usual).
     */
    public static Optional<Integer> ifTargets(DatabaseCommand database, TargetsOptions targets, FleetRequest request) {
        CommandLine commandLine = new CommandLine(database);
        if (targets.strayOptions()) {
            throw new CommandLine.ParameterException(commandLine, "--parallel, --on-failure and --canary need"
                    + " --targets (all, a name, or a pattern)");
        }
        if (!targets.active()) {
            return Optional.empty();
        }
        return Optional.of(new FleetRun(database.context(), database.connection, database.report,
                database.renderer()).run(request, targets, commandLine));
    }

    int run(FleetRequest request, TargetsOptions targets, CommandLine commandLine) {
        StrataConfig config = connection.load(context);
        context.masker().addAll(config);
        FleetOptions options = targets.options(commandLine, config.fleet());
        List<Target> selected = FleetTargets.resolve(config.fleet(), config.database(), targets.targets);
        selected.forEach(target -> target.secrets().forEach(context.masker()::add));
        report.database(Plural.of(selected.size(), "target"));
        try (MigrationClasspath classpath = MigrationClasspath.of(connection.classpath, context.workingDirectory())) {
            Fleet fleet = new Fleet(config.database(), config.migrations(), classpath.classLoader(),
                    config.fleet().includePublic());
            if (request.lintGate().isPresent()) {
                fleet = fleet.withLintGate(new LintGateCheck(config.lintGate(),
                        request.lintGate().get().databases(context, config.database().connectTimeout())));
            }
            FleetListener listener = renderer.fleetStarting(request.command(), selected.size(), options);
            FleetResult result = request.work().run(fleet, config, selected, options, listener, context);
            renderer.fleetRan(result);
            if (!result.allSucceeded()) {
                throw failure(result);
            }
            renderer.finished();
            return ExitCode.SUCCESS.code();
        }
    }

    /**
     * Names the failed targets with their messages; the exit code is theirs when they all failed alike, and the
     * signal's when one stopped the run.
     */
    private static FleetFailedException failure(FleetResult result) {
        if (result.stoppedBy().isPresent()) {
            return stopped(result, result.stoppedBy().get());
        }
        List<TargetResult> failed = result.targets().stream().filter(TargetResult::failed).toList();
        Set<TargetOutcome.FailureKind> kinds = failed.stream()
                .map(target -> ((TargetOutcome.Failed) target.outcome()).kind()).collect(Collectors.toSet());
        ErrorKind kind = kinds.size() == 1 ? kinds.iterator().next().errorKind() : ErrorKind.MIGRATION_FAILED;
        StringBuilder message = new StringBuilder().append(failed.size()).append(" of ")
                .append(Plural.of(result.targets().size(), "target")).append(" failed");
        if (result.skipped() > 0) {
            message.append(", ").append(result.skipped()).append(" not started");
        }
        message.append(':');
        appendFailures(message, failed);
        return new FleetFailedException(message.toString(), "fix what failed and run the same command again: each"
                + " target applies only what it lacks, so the targets that succeeded have nothing to do", kind);
    }

    /** A run stopped by SIGINT/SIGTERM: which targets finished, which were interrupted, which never started. */
    private static FleetFailedException stopped(FleetResult result, String signal) {
        List<TargetResult> failed = result.targets().stream().filter(TargetResult::failed).toList();
        StringBuilder message = new StringBuilder(signal).append(" stopped the fleet run: ")
                .append(names("finished", result.targets().stream().filter(t -> !t.failed() && !t.skipped())))
                .append("; ").append(names("interrupted", result.targets().stream().filter(TargetResult::interrupted)))
                .append("; ").append(names("not started", result.targets().stream().filter(TargetResult::skipped)));
        if (result.failed() > 0) {
            message.append("; ").append(names("failed", result.targets().stream()
                    .filter(t -> t.failed() && !t.interrupted())));
        }
        message.append(':');
        appendFailures(message, failed);
        return new FleetFailedException(message.toString(), "run the same command again: each target applies only"
                + " what it lacks, so the finished ones have nothing to do and the others resume",
                "SIGTERM".equals(signal) ? ErrorKind.TERMINATED : ErrorKind.INTERRUPTED);
    }

    private static String names(String label, Stream<TargetResult> targets) {
        List<String> names = targets.map(TargetResult::name).toList();
        return names.size() + " " + label + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }

    private static void appendFailures(StringBuilder message, List<TargetResult> failed) {
        for (TargetResult target : failed) {
            String text = ((TargetOutcome.Failed) target.outcome()).message().replace("\n", "\n    ");
            message.append("\n  ").append(target.name()).append(": ").append(text);
        }
    }
}
