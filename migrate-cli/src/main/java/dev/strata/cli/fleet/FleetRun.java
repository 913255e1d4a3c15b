package dev.strata.cli.fleet;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.command.ConnectionOptions;
import dev.strata.cli.command.DatabaseCommand;
import dev.strata.cli.command.ScratchOptions;
import dev.strata.cli.command.OutputOptions;
import dev.strata.cli.database.MigrationClasspath;
import dev.strata.cli.output.JsonReport;
import dev.strata.cli.output.Plural;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.FleetTargets;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;
import dev.strata.migrations.lint.LintGateCheck;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code migrate}, {@code status}, {@code validate} or {@code plan} with {@code --targets}: the command on every selected target,
 * then one summary. Exits 0 only when every target succeeded.
 */
public final class FleetRun {
    private final CliContext context;
    private final ConnectionOptions connection;
    private final OutputOptions output;
    private final JsonReport report;

    FleetRun(CliContext context, ConnectionOptions connection, OutputOptions output, JsonReport report) {
        this.context = context;
        this.connection = connection;
        this.output = output;
        this.report = report;
    }

    /**
     * Runs {@code command} on the fleet when {@code --targets} was given; empty when it was not (the command then
     * works on one database as usual).
     */
    public static Optional<Integer> ifTargets(DatabaseCommand database, TargetsOptions targets, FleetCommand command) {
        return ifTargets(database, targets, command, Optional.empty());
    }

    /** As above, with the {@code migrations.lint} gate on each target, linting on {@code scratch}'s databases. */
    public static Optional<Integer> ifTargets(DatabaseCommand database, TargetsOptions targets, FleetCommand command,
                                       Optional<ScratchOptions> scratch) {
        CommandLine commandLine = new CommandLine(database);
        if (targets.strayOptions()) {
            throw new CommandLine.ParameterException(commandLine, "--parallel, --on-failure and --canary need"
                    + " --targets (all, a name, or a pattern)");
        }
        if (!targets.active()) {
            return Optional.empty();
        }
        return Optional.of(new FleetRun(database.context(), database.connection, database.output,
                database.report).run(command, targets, commandLine, scratch));
    }

    int run(FleetCommand command, TargetsOptions targets, CommandLine commandLine, Optional<ScratchOptions> scratch) {
        StrataConfig config = connection.load(context);
        context.masker().addAll(config);
        FleetOptions options = targets.options(commandLine, config.fleet());
        List<Target> selected = FleetTargets.resolve(config.fleet(), config.database(), targets.targets);
        selected.forEach(target -> target.secrets().forEach(context.masker()::add));
        report.database(Plural.of(selected.size(), "target"));
        PrintWriter out = context.out();
        try (MigrationClasspath classpath = MigrationClasspath.of(connection.classpath, context.workingDirectory())) {
            Fleet fleet = new Fleet(config.database(), config.migrations(), classpath.classLoader(),
                    config.fleet().includePublic());
            if (scratch.isPresent()) {
                fleet = fleet.withLintGate(new LintGateCheck(config.lintGate(),
                        scratch.get().databases(context, config.database().connectTimeout())));
            }
            if (!output.json()) {
                out.printf(Locale.ROOT, "%s %s (parallel %d, on failure %s%s)%n", verb(command),
                        Plural.of(selected.size(), "target"), options.parallel(), options.onFailure().optionName(),
                        options.canary() > 0 ? ", canary " + options.canary() : "");
                out.flush();
            }
            FleetProgress progress = context.interactive() && !output.json()
                    ? new FleetProgress(context.err(), selected.size()) : null;
            FleetResult result = fleet.run(command, selected, options, progress == null ? FleetListener.NONE : progress);
            if (progress != null) {
                progress.clear();
            }
            if (output.json()) {
                report.fleet(FleetJson.of(result));
            } else {
                FleetText.print(result, out);
            }
            if (!result.allSucceeded()) {
                throw failure(result);
            }
            if (output.json()) {
                report.print(out, context.masker());
            }
            return ExitCode.SUCCESS.code();
        }
    }

    private static String verb(FleetCommand command) {
        return switch (command) {
            case MIGRATE -> "Migrating";
            case VALIDATE -> "Validating";
            case STATUS -> "Reading the status of";
            case PLAN -> "Planning";
        };
    }

    /** Names the failed targets with their messages; the exit code is theirs when they all failed alike. */
    private static FleetFailedException failure(FleetResult result) {
        List<TargetResult> failed = result.targets().stream().filter(TargetResult::failed).toList();
        Set<TargetOutcome.FailureKind> kinds = failed.stream()
                .map(target -> ((TargetOutcome.Failed) target.outcome()).kind()).collect(Collectors.toSet());
        ErrorKind kind = kinds.size() == 1 ? errorKind(kinds.iterator().next()) : ErrorKind.MIGRATION_FAILED;
        StringBuilder message = new StringBuilder().append(failed.size()).append(" of ")
                .append(Plural.of(result.targets().size(), "target")).append(" failed");
        if (result.skipped() > 0) {
            message.append(", ").append(result.skipped()).append(" not started");
        }
        message.append(':');
        for (TargetResult target : failed) {
            String text = ((TargetOutcome.Failed) target.outcome()).message().replace("\n", "\n    ");
            message.append("\n  ").append(target.name()).append(": ").append(text);
        }
        return new FleetFailedException(message.toString(), "fix what failed and run the same command again: each"
                + " target applies only what it lacks, so the targets that succeeded have nothing to do", kind);
    }

    private static ErrorKind errorKind(TargetOutcome.FailureKind kind) {
        return switch (kind) {
            case MIGRATION_FAILED -> ErrorKind.MIGRATION_FAILED;
            case VALIDATION_FAILED -> ErrorKind.VALIDATION_FAILED;
            case CANNOT_CONNECT -> ErrorKind.CANNOT_CONNECT;
            case LOCK_TIMEOUT -> ErrorKind.LOCK_TIMEOUT;
            case HISTORY_UNREADABLE -> ErrorKind.HISTORY_UNREADABLE;
            case REFUSED -> ErrorKind.REFUSED;
            case INTERRUPTED -> ErrorKind.INTERRUPTED;
            case UNEXPECTED -> ErrorKind.INTERNAL;
        };
    }
}
