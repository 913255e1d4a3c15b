package dev.strata.migrations.execute;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request from outside the run (the CLI's SIGINT/SIGTERM handler) to stop it: the running statement is cancelled,
 * and the run then records and reports where it stopped instead of vanishing mid-file. Thread-safe: the request comes
 * from another thread than the one running the migrations.
 */
public final class Interruption {
    private volatile String reason;
    private Statement running;
    private boolean active;
    private Consumer<String> forward;

    /**
     * Asks the run to stop, cancelling the statement it is running.
     *
     * @param reason what stopped it, e.g. {@code SIGINT}
     * @return false when no migration is running (nothing to stop gracefully)
     */
    public boolean interrupt(String reason) {
        Statement statement;
        Consumer<String> forwardTo;
        synchronized (this) {
            if (!active) {
                return false;
            }
            this.reason = reason;
            statement = running;
            forwardTo = forward;
        }
        if (forwardTo != null) {
            forwardTo.accept(reason);
        }
        cancel(statement);
        return true;
    }

    /**
     * Stops the run whenever it gets there: like {@link #interrupt}, but also before the run has started, which then
     * stops before its first file. For a run started on behalf of a larger one (a fleet's target), which may be
     * stopped at any moment of its life.
     */
    public void stop(String reason) {
        Statement statement;
        synchronized (this) {
            this.reason = reason;
            statement = running;
        }
        cancel(statement);
    }

    /**
     * Until the returned handle is closed, {@link #interrupt} is accepted and hands its reason to {@code onInterrupt},
     * for a run made of many runs (a fleet's targets, each with an interruption of its own) rather than of files.
     */
    public synchronized Forwarding forwardTo(Consumer<String> onInterrupt) {
        active = true;
        forward = onInterrupt;
        return () -> {
            synchronized (this) {
                active = false;
                forward = null;
            }
        };
    }

    /** Ends {@link #forwardTo}'s forwarding. */
    public interface Forwarding extends AutoCloseable {
        @Override
        void close();
    }

    private static void cancel(Statement statement) {
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The statement ended meanwhile, or the connection is gone: the run sees the reason either way.
            }
        }
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
