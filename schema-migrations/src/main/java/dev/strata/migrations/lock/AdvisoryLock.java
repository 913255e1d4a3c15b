package dev.strata.migrations.lock;

import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.execute.LockCheck;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A session-level PostgreSQL advisory lock held on a dedicated autocommit connection for the whole run.
 *
 * <p>Session level, not transaction level, so no migration transaction ever holds it: {@code CREATE INDEX
 * CONCURRENTLY} waits for older transactions, and would wait forever on the migrator's own (Flyway #3508). There is
 * no lock table, so nothing can go stale: PostgreSQL releases the lock when the session ends, even after a crash.
 */
public final class AdvisoryLock implements LockCheck, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 1_000;

    private final Connection connection;
    private final long key;
    private boolean held;
    /** Set once held: the statement that checks, from another session, that this one still holds the lock. */
    private Optional<String> guard = Optional.empty();
    private OptionalLong livenessKey = OptionalLong.empty();

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lock key: derived from database, schema and table, so two histories never share a lock. */
    public static long keyFor(String database, SchemaTable historyTable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("strata\0" + database + "\0" + historyTable.schema() + "\0" + historyTable.table())
                            .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /**
     * Takes the lock, retrying with jittered exponential backoff until {@code timeout}, and logging the holder
     * while it waits.
     *
     * @throws LockTimeoutException when the lock is still held by another session after {@code timeout}
     */
    public static AdvisoryLock acquire(Connection connection, long key, Duration timeout) throws SQLException {
        Objects.requireNonNull(timeout, "timeout");
        AdvisoryLock lock = new AdvisoryLock(connection, key);
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        LockHolder lastReported = null;
        while (!lock.tryLock()) {
            LockHolder holder = lock.holder();
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                throw new LockTimeoutException("migration lock", timeout, holder);
            }
            if (holder != null && !holder.equals(lastReported)) {
                LOG.info("Waiting for the migration lock held by {} (giving up in {})", holder,
                        LockTimeoutException.format(Duration.ofMillis(remainingMs)));
                lastReported = holder;
            }
            sleep(Math.min(remainingMs, jitter(backoff)));
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
        lock.guard = lock.guard();
        return lock;
    }

    /**
     * A DO block that fails with {@link LockCheck#LOCK_LOST_STATE} once this session has ended; empty when the
     * database has no PL/pgSQL (it can be dropped), so {@link #verify()} must be used instead.
     *
     * <p>The session also holds a second advisory lock, on a random key of its own (the liveness key), which lives
     * and dies with it. From the migration's transaction, {@code pg_try_advisory_xact_lock_shared} on that key fails
     * while this session is alive and succeeds once it has ended: a lock-table lookup of a few microseconds, where
     * reading {@code pg_locks} copies the whole lock table (a third of a millisecond per file, measured).
     */
    private Optional<String> guard() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select from pg_catalog.pg_language where lanname = 'plpgsql')");
             ResultSet result = statement.executeQuery()) {
            result.next();
            if (!result.getBoolean(1)) {
                return Optional.empty();
            }
        }
        livenessKey = OptionalLong.of(takeLivenessKey());
        int pid = connection.unwrap(PGConnection.class).getBackendPID();
        return Optional.of("do $strata_lock$ begin if pg_catalog.pg_try_advisory_xact_lock_shared("
                + livenessKey.getAsLong() + ") then raise exception using errcode = '" + LOCK_LOST_STATE
                + "', message = 'the migration lock is no longer held: the session that held it (pid " + pid
                + ") has ended'; end if; end $strata_lock$");
    }

    private long takeLivenessKey() throws SQLException {
        while (true) {
            long candidate = ThreadLocalRandom.current().nextLong();
            if (candidate != key && tryAdvisoryLock(candidate)) {
                return candidate;
            }
        }
    }

    private boolean tryLock() throws SQLException {
        held = tryAdvisoryLock(key);
        return held;
    }

    /** Takes the session-level advisory lock {@code lockKey} if nobody holds it, without waiting. */
    private boolean tryAdvisoryLock(long lockKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, lockKey);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Who holds the lock now; null when nobody does (it was released between two queries). */
    LockHolder holder() throws SQLException {
        // A bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        try (PreparedStatement statement = connection.prepareStatement(
                "select a.pid, a.application_name, a.usename, host(a.client_addr)"
                        + " from pg_catalog.pg_locks l join pg_catalog.pg_stat_activity a on a.pid = l.pid"
                        + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
                        + " and l.classid::bigint = ? and l.objid::bigint = ? and l.database = "
                        + "(select oid from pg_catalog.pg_database where datname = current_database()) limit 1")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? new LockHolder(result.getInt(1), result.getString(2), result.getString(3), result.getString(4))
                        : null;
            }
        }
    }

    private static long jitter(long backoffMs) {
        return backoffMs / 2 + ThreadLocalRandom.current().nextLong(backoffMs / 2 + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the migration lock", e);
        }
    }

    /**
     * Confirms the lock is still held. A session-level advisory lock stays held for as long as its session lives, so
     * a round trip on that session is the proof; it fails (e.g. SQLSTATE 57P01 or 08006) when the session has ended.
     */
    @Override
    public void verify() throws SQLException {
        if (!held) {
            throw new SQLException("the migration lock was released");
        }
        try (PreparedStatement statement = connection.prepareStatement("select 1")) {
            statement.execute();
        }
    }

    @Override
    public Optional<String> guardStatement() {
        return held ? guard : Optional.empty();
    }

    /** Releases the lock; a closed or broken connection has released it already. */
    @Override
    public void close() throws SQLException {
        if (!held || connection.isClosed()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(livenessKey.isPresent()
                ? "select pg_advisory_unlock(?), pg_advisory_unlock(?)" : "select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            if (livenessKey.isPresent()) {
                statement.setLong(2, livenessKey.getAsLong());
            }
            statement.execute();
        } catch (SQLException e) {
            // A session that ended (server restart, terminated backend) released its lock with it: nothing to undo.
            String state = e.getSQLState();
            if (state == null || !(state.startsWith("08") || state.startsWith("57P"))) {
                throw e;
            }
            LOG.debug("The migration lock's session ended before the unlock ({}); PostgreSQL released the lock", state);
        } finally {
            held = false;
        }
    }
}
