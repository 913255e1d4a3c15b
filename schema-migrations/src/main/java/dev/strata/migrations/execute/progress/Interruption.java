package dev.strata.migrations.execute.progress;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request from outside the run (the CLI's SIGINT/SIGTERM handler, an application shutting down) to stop it: the
 * running statement is cancelled, and the run then records and reports where it stopped instead of vanishing
 * mid-file. Thread-safe: the request comes from another thread than the one running the migrations.
 *
 * <p>The run itself is one of the receivers of {@link #forwardTo}: while it runs, a stop cancels its statement.
 */
public final class Interruption {
    private volatile String reason;
    private boolean active;
    private Consumer<String> forward;

    /**
     * Asks the run to stop, cancelling the statement it is running.
     *
     * @param reason what stopped it, e.g. {@code SIGINT}
     * @return false when no migration is running (nothing to stop gracefully)
     */
    public boolean interrupt(String reason) {
        Consumer<String> forwardTo;
        synchronized (this) {
            if (!active) {
                return false;
            }
            this.reason = reason;
            forwardTo = forward;
        }
        if (forwardTo != null) {
            forwardTo.accept(reason);
        }
        return true;
    }

    /**
     * Stops the run whenever it gets there: like {@link #interrupt}, but also before the run has started, which then
     * stops before its first file. For a run started on behalf of a larger one (a fleet's target), which may be
     * stopped at any moment of its life.
     */
    public void stop(String reason) {
        Consumer<String> forwardTo;
        synchronized (this) {
            this.reason = reason;
            forwardTo = forward;
        }
        if (forwardTo != null) {
            forwardTo.accept(reason);
        }
    }

    /**
     * Until the returned handle is closed, {@link #interrupt} is accepted and hands its reason to {@code onInterrupt}
     * (as {@link #stop} does): the run cancels its statement so, and a run made of many runs (a fleet's targets, each
     * with an interruption of its own) stops them. One receiver at a time.
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

    /** What stopped the run, if anything has. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
