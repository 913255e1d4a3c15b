package dev.strata.cli.output;

import dev.strata.migrations.core.Version;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The text of a fleet run: the line it starts with, then a row per target, the fleet's versions, the totals. */
final class FleetText {
    private FleetText() {
    }

    /** The line a run starts with: what it does to how many targets, and how. */
    static void heading(FleetCommand command, int targets, FleetOptions options, PrintWriter out) {
        out.printf(Locale.ROOT, "%s %s (parallel %d, on failure %s%s)%n", verb(command),
                Plural.of(targets, "target"), options.parallel(), options.onFailure().optionName(),
                options.canary() > 0 ? ", canary " + options.canary() : "");
        out.flush();
    }

    private static String verb(FleetCommand command) {
        return switch (command) {
            case MIGRATE -> "Migrating";
            case VALIDATE -> "Validating";
            case STATUS -> "Reading the status of";
            case PLAN -> "Planning";
            case DIFF -> "Comparing";
            case ADOPT -> "Adopting the history of";
        };
    }

    static void print(FleetResult result, PrintWriter out) {
        boolean migrate = result.command() == FleetCommand.MIGRATE;
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(result.command()));
        for (TargetResult target : result.targets()) {
            rows.add(row(result.command(), target));
        }
        printTable(rows, out);
        out.println();
        out.println("Fleet status: " + versions(result.versionCounts()) + ".");
        out.printf(Locale.ROOT, "%s in %.2f s: %d succeeded, %d failed, %s%d not started%s.%n",
                Plural.of(result.targets().size(), "target"), result.elapsed().toMillis() / 1000.0,
                result.succeeded(), result.failed(),
                result.stoppedBy().map(signal -> result.interrupted() + " interrupted by " + signal + ", ").orElse(""),
                result.skipped(),
                migrate ? "; " + Plural.of(result.filesApplied(), "file") + " applied"
                        : result.command() == FleetCommand.ADOPT ? "; " + Plural.of(result.filesApplied(), "row")
                        + " adopted" : "");
        out.flush();
    }

    private static List<String> header(FleetCommand command) {
        return switch (command) {
            case MIGRATE -> List.of("target", "from", "to", "files applied", "time", "result");
            case PLAN -> List.of("target", "version", "pending", "would reach", "time", "result");
            case ADOPT -> List.of("target", "from", "to", "rows adopted", "time", "result");
            case STATUS, VALIDATE, DIFF -> List.of("target", "version", "pending", "time", "result");
        };
    }

    private static List<String> row(FleetCommand command, TargetResult target) {
        String time = target.skipped() ? "-" : seconds(target.elapsed());
        String from = version(target.from(), target.reached());
        String pending = target.reached() ? Integer.toString(target.pending()) : "-";
        return switch (command) {
            case MIGRATE, ADOPT -> List.of(target.name(), from, version(target.to(), target.reached()),
                    Integer.toString(target.filesApplied()), time, outcome(target.outcome()));
            case PLAN -> List.of(target.name(), from, pending, version(target.to(), target.reached()), time,
                    outcome(target.outcome()));
            case STATUS, VALIDATE, DIFF -> List.of(target.name(), from, pending, time, outcome(target.outcome()));
        };
    }

    /** "998 at 12, 2 at 11", newest first; "none reached" when no target's history was read. */
    static String versions(Map<Optional<Version>, Long> counts) {
        if (counts.isEmpty()) {
            return "no target reached";
        }
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().map(v -> "at " + v).orElse("with none applied"))
                .collect(Collectors.joining(", "));
    }

    static String outcome(TargetOutcome outcome) {
        if (outcome instanceof TargetOutcome.Failed failed
                && (failed.kind() == TargetOutcome.FailureKind.INTERRUPTED
                || failed.kind() == TargetOutcome.FailureKind.DRIFTED)) {
            // "drifted from its migrations: 2 differences", "SIGINT stopped the run during …"
            String first = failed.message().lines().findFirst().orElse("");
            return failed.kind() == TargetOutcome.FailureKind.DRIFTED ? first : "interrupted: " + first;
        }
        if (outcome instanceof TargetOutcome.Failed failed) {
            StringBuilder text = new StringBuilder("failed");
            failed.script().ifPresent(script -> text.append(": ").append(script));
            failed.line().ifPresent(line -> text.append(" line ").append(line));
            failed.sqlState().ifPresent(state -> text.append(" [SQLSTATE ").append(state).append(']'));
            if (failed.script().isEmpty()) {
                text.append(": ").append(failed.message().lines().findFirst().orElse(""));
            }
            return text.toString();
        }
        if (outcome instanceof TargetOutcome.Skipped skipped) {
            return skipped.reason();
        }
        return "ok";
    }

    private static String version(Optional<Version> version, boolean reached) {
        return reached ? version.map(Version::toString).orElse("none") : "-";
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.2f s", elapsed.toMillis() / 1000.0);
    }

    private static void printTable(List<List<String>> rows, PrintWriter out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                line.append(i == columns - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
