package dev.strata.migrations;

import dev.strata.migrations.core.HistoryRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens a connection and reads the history table over it on a thread of its own, while the caller reads and
 * checksums the migration files. Opening costs a network handshake, authentication and, in a fresh JVM, the
 * driver's first use; reading the files costs about as much again, so on two cores doing both at once takes about
 * half the time of a short command like {@code validate}.
 */
final class HistoryPrefetch implements AutoCloseable {
    /** An open connection (the caller closes it) and the history as read over it. */
    record Prefetched(Connection connection, List<HistoryRow> history) {
    }

    private final CompletableFuture<Prefetched> prefetch;
    private boolean taken;

    private HistoryPrefetch(CompletableFuture<Prefetched> prefetch) {
        this.prefetch = prefetch;
    }

    /**
     * Starts opening and reading.
     *
     * @param open    opens a connection, reporting failures as unchecked exceptions, which {@link #get()} rethrows
     * @param history reads the history over the open connection, reporting failures as unchecked exceptions too
     */
    static HistoryPrefetch start(Supplier<Connection> open, Function<Connection, List<HistoryRow>> history) {
        return new HistoryPrefetch(CompletableFuture.supplyAsync(() -> {
            Connection connection = open.get();
            try {
                return new Prefetched(connection, history.apply(connection));
            } catch (RuntimeException | Error e) {
                closeQuietly(connection, e);
                throw e;
            }
        }, task -> {
            Thread thread = new Thread(task, "strata-history");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The open connection and the history, once read. */
    Prefetched get() {
        try {
            Prefetched prefetched = prefetch.join();
            taken = true;
            return prefetched;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Closes the connection if nobody took it (the files could not be read, say), without waiting: a connection still
     * being opened is closed as soon as it is open.
     */
    @Override
    public void close() {
        if (!taken) {
            prefetch.thenAccept(prefetched -> closeQuietly(prefetched.connection(), null));
        }
    }

    private static void closeQuietly(Connection connection, Throwable cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
