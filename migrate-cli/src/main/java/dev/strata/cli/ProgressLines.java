package dev.strata.cli;

import dev.strata.migrations.execute.AppliedRun;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.io.PrintWriter;

/** A line per file run by migrate or undo: its name when it starts, its duration when it finishes. */
final class ProgressLines implements ExecutionListener {
    private final PrintWriter out;

    ProgressLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void starting(ResolvedMigration migration) {
        out.print("  " + migration.script() + " … ");
        out.flush();
    }

    @Override
    public void applied(AppliedRun run) {
        out.println(run.executionMs() + " ms");
        out.flush();
    }
}
