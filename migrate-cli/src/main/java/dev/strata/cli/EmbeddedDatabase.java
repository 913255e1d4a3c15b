package dev.strata.cli;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.lock.LockTimeoutException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Solo mode: with no database URL anywhere, a PostgreSQL server whose data lives in {@code .strata/pgdata} under the
 * working directory, started for one command and stopped when it ends.
 *
 * <p>A file lock on {@code .strata/embedded.lock} lets one strata process at a time own the data directory; a second
 * waits for it up to {@code lock_timeout}. A server left behind by a killed process is stopped before starting
 * anew, and PostgreSQL's own crash recovery keeps the data consistent.
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
            stopOrphanedServer(dataDirectory, notices);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .start();
            notices.println("Using embedded PostgreSQL " + StrataVersion.postgresMajor() + " in "
                    + workingDirectory.relativize(dataDirectory) + " (no database URL configured; stops when strata exits)");
            notices.flush();
            return new EmbeddedDatabase(channel, lock, server, dataDirectory);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof LockTimeoutException timeout) {
                throw timeout;
            }
            throw new EmbeddedDatabaseException("cannot start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage(), "see " + home.resolve("postgres.log")
                    + " for the server's log; delete " + dataDirectory + " to start from an empty database", e);
        }
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

    /** A strata process killed while it ran the server leaves it running; stop it so this one can start. */
    private static void stopOrphanedServer(Path dataDirectory, PrintWriter notices) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::strip).filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive);
        if (orphan.isPresent()) {
            notices.println("Stopping an embedded PostgreSQL left running by an interrupted strata command (pid "
                    + orphan.get().pid() + ")");
            notices.flush();
            orphan.get().destroy();
            orphan.get().onExit().join();
        }
    }

    ConnectionSource connectionSource() {
        return ConnectionSource.of(server.getPostgresDatabase(), "embedded PostgreSQL (" + dataDirectory + ")");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // The server's shutdown hook and PostgreSQL's crash recovery cover a failed stop.
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
