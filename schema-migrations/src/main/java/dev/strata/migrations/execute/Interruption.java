package dev.strata.migrations.execute;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A request from outside the run (the CLI's SIGINT/SIGTERM handler) to stop it: the running statement is cancelled,
 * and the run then records and reports where it stopped instead of vanishing mid-file. Thread-safe: the request comes
 * from another thread than the one running the migrations.
 */
public final class Interruption {
    private volatile String reason;
    private Statement running;
    private boolean active;

    /**
     * Asks the run to stop, cancelling the statement it is running.
     *
     * @param reason what stopped it, e.g. {@code SIGINT}
     * @return false when no migration is running (nothing to stop gracefully)
     */
    public boolean interrupt(String reason) {
        Statement statement;
        synchronized (this) {
            if (!active) {
                return false;
            }
            this.reason = reason;
            statement = running;
        }
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The statement ended meanwhile, or the connection is gone: the run sees the reason either way.
            }
        }
        return true;
    }

    /** What stopped the run, if anything has. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    synchronized void runStarted() {
        active = true;
    }

    synchronized void runEnded() {
        active = false;
        running = null;
    }

    /** The statement that a cancel would hit, or null between statements. */
    synchronized void running(Statement statement) {
        running = statement;
    }
}
