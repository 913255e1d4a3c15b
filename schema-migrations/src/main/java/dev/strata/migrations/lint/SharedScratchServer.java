package dev.strata.migrations.lint;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One scratch server for every lint of a run (a fleet's gate): started by the first {@link #open()} that needs it,
 * each open a database of its own on it (dropped when that scratch is closed), and stopped by {@link #close()}.
 * Starting a server costs seconds; creating a database on a running one, milliseconds. Opens may come from several
 * threads: the first starts the server, the others wait for it.
 */
public final class SharedScratchServer implements ScratchDatabases.Shared {
    private final Supplier<ScratchServer> start;
    private Optional<ScratchServer> server = Optional.empty();
    /** Why the server could not be started: every later open fails the same way rather than trying again. */
    private Optional<RuntimeException> failedStart = Optional.empty();
    private boolean closed;

    /** @param start starts a server; called at most once */
    public SharedScratchServer(Supplier<ScratchServer> start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    @Override
    public Scratch open() {
        return server().databases().open();
    }

    private synchronized ScratchServer server() {
        if (closed) {
            throw new IllegalStateException("the shared scratch server was already stopped");
        }
        if (failedStart.isPresent()) {
            throw failedStart.get();
        }
        if (server.isEmpty()) {
            try {
                server = Optional.of(start.get());
            } catch (RuntimeException e) {
                failedStart = Optional.of(e);
                throw e;
            }
        }
        return server.get();
    }

    /** Stops the server, if one was started. */
    @Override
    public synchronized void close() {
        closed = true;
        server.ifPresent(ScratchServer::close);
        server = Optional.empty();
    }
}
