package dev.strata.cli.database;

import dev.strata.cli.StrataVersion;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.lock.LockTimeoutException;
import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.EmbeddedPostgresException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Solo mode: with no database URL anywhere, a PostgreSQL server whose data lives in {@code .strata/pgdata} under the
 * working directory, started for one command and stopped when it ends.
 *
 * <p>A file lock on {@code .strata/embedded.lock} lets one strata process at a time own the data directory; a second
 * waits for it up to {@code lock_timeout}. A server left behind by a killed process is stopped before starting anew
 * (only when it is proven to be this directory's server), and PostgreSQL's own crash recovery keeps the data
 * consistent. The server is durable (its data is what the user keeps) and reachable only with a per-start password:
 * see {@link EmbeddedPostgres}.
 */
final class EmbeddedDatabase implements AutoCloseable {
    static final String DIRECTORY = ".strata";
    private static final long POLL_MS = 100;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres server, Path dataDirectory) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedDatabase start(Path workingDirectory, Duration waitTimeout, PrintWriter notices) {
        Path home = workingDirectory.resolve(DIRECTORY);
        Path dataDirectory = home.resolve("pgdata");
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve("embedded.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = acquire(channel, waitTimeout, dataDirectory, notices);
            channel.truncate(0).write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .dataDirectory(dataDirectory)
                    .logFile(home.resolve("postgres.log"))
                    .startupTimeout(Duration.ofSeconds(60))
                    .start();
            notices.println("Using embedded PostgreSQL " + StrataVersion.postgresMajor() + " in "
                    + workingDirectory.relativize(dataDirectory) + " (no database URL configured; stops when strata exits)");
            notices.flush();
            return new EmbeddedDatabase(channel, lock, server, dataDirectory);
        } catch (EmbeddedPostgresException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException(e.getMessage(), remedy(e), e);
        } catch (AccessDeniedException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException("cannot use the embedded PostgreSQL in " + dataDirectory + ": "
                    + notWritable(Path.of(e.getFile())), "the embedded server's data belongs to one OS user: run strata"
                    + " as the owner of " + home + ", or give the URL of a server of your own (--url or"
                    + " STRATA_DATABASE__URL)", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof LockTimeoutException timeout) {
                throw timeout;
            }
            throw new EmbeddedDatabaseException("cannot start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage(), "see " + home.resolve("postgres.log") + " for the server's log", e);
        }
    }

    /** Why this OS user was refused {@code denied}: whose it is, or whose directory it would be created in. */
    private static String notWritable(Path denied) {
        boolean exists = Files.exists(denied, LinkOption.NOFOLLOW_LINKS);
        Path owned = exists || denied.getParent() == null ? denied : denied.getParent();
        String owner;
        try {
            owner = "the OS user " + Files.getOwner(owned, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException e) {
            owner = "another OS user";
        }
        return exists ? denied + " belongs to " + owner + ", and this user may not write it"
                : "this user may not create " + denied + " in " + owned + ", which belongs to " + owner;
    }

    /**
     * What to do when the embedded server did not start. On a platform this jar carries no binaries for, the library's
     * advice (add a binaries jar) means nothing to a user of the command: the way out is a server of their own.
     */
    static String remedy(EmbeddedPostgresException e) {
        if (e.kind() == EmbeddedPostgresException.Kind.NO_BINARIES_FOR_PLATFORM) {
            return "this strata carries the embedded PostgreSQL for " + StrataVersion.embeddedPlatform()
                    + " only (strata --version names it); give the URL of a PostgreSQL server of your own: --url or "
                    + "STRATA_DATABASE__URL (docs/install.md, platforms)";
        }
        return e.remedy();
    }

    private static FileLock acquire(FileChannel channel, Duration timeout, Path dataDirectory, PrintWriter notices)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() >= deadline) {
                throw new LockTimeoutException("embedded database " + dataDirectory + " (another strata command is using it)",
                        timeout, null);
            }
            if (!announced) {
                notices.println("Waiting for another strata command that is using " + dataDirectory + " …");
                notices.flush();
                announced = true;
            }
            sleep();
        }
    }

    ConnectionSource connectionSource() {
        return ConnectionSource.of(server.dataSource("postgres"), "embedded PostgreSQL (" + dataDirectory + ")");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (RuntimeException e) {
            // A failed stop leaves the server running; the next start stops it (PostgreSQL's crash recovery covers it).
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to release.
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded database", e);
        }
    }
}
