package dev.strata.migrations.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the connections a fleet run has open to each server: one permit per open connection, {@code parallel + 1}
 * permits per server. A target needs one connection at a time (its lock is held on its migration connection), so
 * {@code parallel} targets run at once; the spare permit keeps the bound from deadlocking should a step ever need a
 * second connection while holding its first.
 */
final class ServerGate {
    private final int permits;
    private final ConcurrentMap<String, Semaphore> servers = new ConcurrentHashMap<>();

    ServerGate(int parallel) {
        this.permits = parallel + 1;
    }

    int permitsPerServer() {
        return permits;
    }

    /** Opens a connection once {@code server} has a free permit; closing the connection returns it. */
    Connection open(String server, ConnectionOpener opener) throws SQLException {
        Semaphore semaphore = servers.computeIfAbsent(server, key -> new Semaphore(permits, true));
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to " + server, "57014", e);
        }
        try {
            return new GatedConnection(opener.open(), semaphore);
        } catch (SQLException | RuntimeException e) {
            semaphore.release();
            throw e;
        }
    }

    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }
}
