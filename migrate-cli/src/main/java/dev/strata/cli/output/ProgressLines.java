package dev.strata.cli.output;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.execute.progress.ExecutionListener;

import java.io.PrintWriter;
import java.util.Optional;

/** A line per file run by migrate or undo: its name when it starts, its duration when it finishes. */
public final class ProgressLines implements ExecutionListener {
    private final PrintWriter out;
    private Optional<String> heading;

    public ProgressLines(PrintWriter out) {
        this(out, Optional.empty());
    }

    /** @param heading printed before the first file starts, so a refused run prints no heading at all */
    public ProgressLines(PrintWriter out, Optional<String> heading) {
        this.out = out;
        this.heading = heading;
    }

    @Override
    public void starting(ResolvedMigration migration) {
        heading.ifPresent(out::println);
        heading = Optional.empty();
        out.print("  " + migration.script() + " … ");
        out.flush();
    }

    @Override
    public void applied(AppliedFile run) {
        out.println(run.executionMs() + " ms");
        out.flush();
    }

    /** Ends the line of the file that did not finish; what stopped it is on stderr. */
    @Override
    public void stopped(ResolvedMigration migration) {
        out.println("stopped");
        out.flush();
    }
}
