package dev.strata.cli.output;

import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetResult;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line on stderr, rewritten in place as targets finish: done / failed / running, elapsed, rate. Only for a
 * person at a terminal; a pipeline's log gets the summary alone.
 */
final class FleetProgress implements FleetListener {
    private final PrintWriter err;
    private final int total;
    private final long started = System.nanoTime();
    private int running;
    private int done;
    private int failed;

    FleetProgress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public synchronized void started(Target target) {
        running++;
        print();
    }

    @Override
    public synchronized void finished(TargetResult result) {
        if (!result.skipped()) {
            running--;
        }
        done++;
        if (result.failed()) {
            failed++;
        }
        print();
    }

    /** Clears the line, so the summary starts on a clean one. */
    synchronized void clear() {
        err.print("\r\033[K");
        err.flush();
    }

    private void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "\r\033[K%d/%d done, %d failed, %d running, %.1f s, %.1f targets/s", done, total,
                failed, running, seconds, seconds > 0 ? done / seconds : 0.0);
        err.flush();
    }
}
