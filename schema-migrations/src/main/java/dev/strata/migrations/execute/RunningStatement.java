package dev.strata.migrations.execute;

import java.sql.SQLException;
import java.sql.Statement;

/** The statement a run is executing, which a stop from another thread ({@code Interruption}) cancels. */
final class RunningStatement {
    private Statement statement;

    /** The statement that a cancel would hit from now on, or null between statements. */
    synchronized void set(Statement running) {
        statement = running;
    }

    void cancel() {
        Statement running;
        synchronized (this) {
            running = statement;
        }
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException e) {
                // The statement ended meanwhile, or the connection is gone: the run sees the reason either way.
            }
        }
    }
}
