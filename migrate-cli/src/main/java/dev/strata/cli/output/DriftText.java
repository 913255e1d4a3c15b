package dev.strata.cli.output;

import dev.strata.migrations.drift.DriftReport;

import java.io.PrintWriter;

/** {@code strata diff} as text: what was expected and where it was replayed, then the differences or "No drift". */
final class DriftText {
    private DriftText() {
    }

    static void print(DriftReport drift, String database, String scratch, PrintWriter out) {
        out.println("Database: " + database);
        int replayed = drift.replayed().size();
        out.println("Expected: " + (replayed == 0 ? "no migrations applied, so an empty schema"
                : "its " + replayed + (replayed == 1 ? " applied migration" : " applied migrations")
                + drift.plan().current().map(version -> " (up to version " + version + ")").orElse("")
                + ", replayed into " + scratch));
        int pending = drift.pending().size();
        if (pending > 0) {
            out.println("Pending: " + pending + (pending == 1 ? " migration is" : " migrations are")
                    + " not applied yet; that is not drift (see `strata status`).");
        }
        DriftExclusionText.lines(drift.excluded()).forEach(out::println);
        DriftExclusionText.skipped(drift.skippedGoSteps()).forEach(out::println);
        out.println();
        out.println(drift.drifted() ? drift.diff().describe()
                : "No drift: the schema matches its migrations.");
        if (!drift.drifted()) {
            drift.diff().notes().forEach(note -> out.println("note: " + note));
        }
        out.flush();
    }
}
