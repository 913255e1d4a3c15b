package dev.strata.migrations.lock;

import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.execute.LockCheck;
import dev.strata.migrations.sql.SqlStates;
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
 * A session-level PostgreSQL advisory lock held on a dedicated autocommit connection for the whole run, or, for a
 * fleet run that must not need two connections per target, on the migration connection itself.
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
    /** Whether {@link #connection} is the one the migrations run on, rather than a session of the lock's own. */
    private final boolean onMigrationSession;
    /** How messages name the database. */
    private final String database;
    private boolean held;
    /** Set once held: the statement that checks, from another session, that this one still holds the lock. */
    private Optional<String> guard = Optional.empty();
    private OptionalLong livenessKey = OptionalLong.empty();

    private AdvisoryLock(Connection connection, long key, boolean onMigrationSession, String database) {
        this.database = database;
        this.connection = connection;
        this.key = key;
        this.onMigrationSession = onMigrationSession;
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
        return acquire(new AdvisoryLock(connection, key, false, "the database"), timeout);
    }

    /**
     * Takes the lock on the connection the migrations will run on, as {@link #acquire} does on a connection of its own.
     * Still session level, so no migration transaction holds it, and {@code CREATE INDEX CONCURRENTLY} waits only for
     * other sessions' transactions. The check before each commit then asks whether this very session still holds the
     * key, which reads {@code pg_locks}: dearer than the liveness key of a lock on its own session, which is why one
     * database keeps that one, and a fleet, bounded in connections, pays it.
     *
     * @param database how messages name the database (never with a password)
     * @throws LockTimeoutException when the lock is still held by another session after {@code timeout}
     * @throws TransactionPoolingException when the session answering already holds the lock (a pooler's)
     */
    public static AdvisoryLock acquireOnMigrationSession(Connection migration, long key, Duration timeout,
                                                         String database) throws SQLException {
        return acquire(new AdvisoryLock(migration, key, true, database), timeout);
    }

    private static AdvisoryLock acquire(AdvisoryLock lock, Duration timeout) throws SQLException {
        Objects.requireNonNull(timeout, "timeout");
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
        lock.guard = lock.onMigrationSession ? lock.sameSessionGuard() : lock.guard();
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
        if (!hasPlpgsql()) {
            return Optional.empty();
        }
        livenessKey = OptionalLong.of(takeLivenessKey());
        int pid = connection.unwrap(PGConnection.class).getBackendPID();
        return Optional.of("do $strata_lock$ begin if pg_catalog.pg_try_advisory_xact_lock_shared("
                + livenessKey.getAsLong() + ") then raise exception using errcode = '" + LOCK_LOST_STATE
                + "', message = 'the migration lock is no longer held: the session that held it (pid " + pid
                + ") has ended'; end if; end $strata_lock$");
    }

    /**
     * A DO block that fails with {@link LockCheck#LOCK_LOST_STATE} unless the session running it holds the key: run
     * in the migration's own transaction, it proves the lock is held by the session about to commit (a transaction
     * pooler handing the transaction to another server session, or a file's {@code pg_advisory_unlock_all()}, fail
     * it). Empty without PL/pgSQL, where {@link #verify()} asks the same.
     */
    private Optional<String> sameSessionGuard() throws SQLException {
        if (!hasPlpgsql()) {
            return Optional.empty();
        }
        return Optional.of("do $strata_lock$ begin if not " + HOLDS_KEY.replace("?", "%d").formatted(key >>> 32,
                key & 0xFFFF_FFFFL) + " then raise exception using errcode = '" + LOCK_LOST_STATE
                + "', message = 'the migration lock is no longer held by the migration session'; end if;"
                + " end $strata_lock$");
    }

    /** Whether the session running it holds the session-level advisory lock whose key halves are the parameters. */
    private static final String HOLDS_KEY = "exists (select from pg_catalog.pg_locks where locktype = 'advisory'"
            + " and granted and objsubid = 1 and pid = pg_catalog.pg_backend_pid()"
            + " and classid::bigint = ? and objid::bigint = ?)";

    private boolean hasPlpgsql() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select from pg_catalog.pg_language where lanname = 'plpgsql')");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
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
        held = onMigrationSession ? tryLockUnlessHeldHere() : tryAdvisoryLock(key);
        return held;
    }

    /**
     * On the migration session, a session that holds the key already can only be another run's, handed to this one
     * by a transaction pooler (this run has not taken it yet): taking it again would succeed, the lock being
     * re-entrant, and two runs would migrate at once. Asked and taken in one statement, so one server session answers.
     */
    private boolean tryLockUnlessHeldHere() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select case when " + HOLDS_KEY
                + " then null else pg_catalog.pg_try_advisory_lock(?) end")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            statement.setLong(3, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                boolean taken = result.getBoolean(1);
                if (result.wasNull()) {
                    throw new TransactionPoolingException(database, "the server session answering the migration"
                            + " connection already held the lock before this run took it");
                }
                return taken;
            }
        }
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
        if (onMigrationSession) {
            if (!holdsKey()) {
                throw new SQLException("the migration lock is no longer held by the migration session");
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select 1")) {
            statement.execute();
        }
    }

    /** Whether this connection's session holds the key now. */
    boolean holdsKey() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + HOLDS_KEY)) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
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
            if (!SqlStates.sessionEnded(e)) {
                throw e;
            }
            LOG.debug("The migration lock's session ended before the unlock ({}); PostgreSQL released the lock",
                    e.getSQLState());
        } finally {
            held = false;
        }
    }
}
