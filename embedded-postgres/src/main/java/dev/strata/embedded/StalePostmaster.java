package dev.strata.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@code postmaster.pid} found before a start. Its PID may name this data directory's server (left running by a
 * killed process) or, after a reboot or in a new container, any unrelated process that got the same number. A process
 * is this directory's postmaster only when {@code /proc} proves it: owned by us, its executable {@code postgres} and
 * its working directory this data directory (the postmaster changes into it). Anything else is never signalled.
 */
final class StalePostmaster {
    /** What the PID file names. */
    enum Verdict {
        /** No PID file, or its process is gone: PostgreSQL itself removes such a file. */
        NONE,
        /** Proven to be this directory's postmaster: stop it. */
        OURS,
        /** A live process that is provably something else: the file is stale and may be removed. */
        UNRELATED,
        /** Live, but nothing can be proven (no {@code /proc}): leave both alone. */
        UNKNOWN
    }

    record Finding(Verdict verdict, long pid) {
    }

    private StalePostmaster() {
    }

    /**
     * Before a start on an initialised directory: stops this directory's own postmaster (bounded by pg_ctl's wait),
     * removes a PID file that provably names another process, and otherwise leaves the decision to PostgreSQL.
     */
    static Finding clear(Path dataDirectory, PgCommands commands) {
        Finding finding = examine(dataDirectory, Path.of("/proc"));
        switch (finding.verdict()) {
            case OURS -> commands.stop(dataDirectory);
            case UNRELATED -> {
                try {
                    Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
                } catch (IOException e) {
                    throw new EmbeddedPostgresException(EmbeddedPostgresException.Kind.START_FAILED,
                            "cannot remove the stale " + dataDirectory.resolve("postmaster.pid") + " (it names pid "
                                    + finding.pid() + ", which is not this directory's server): " + e.getMessage(),
                            "remove that file by hand", e);
                }
            }
            case NONE, UNKNOWN -> {
                // PostgreSQL removes a PID file of a dead process and refuses to start beside a live server.
            }
        }
        return finding;
    }

    static Finding examine(Path dataDirectory, Path proc) {
        Optional<Long> pid = pid(dataDirectory.resolve("postmaster.pid"));
        if (pid.isEmpty() || ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive).isEmpty()) {
            return new Finding(Verdict.NONE, pid.orElse(0L));
        }
        Path process = proc.resolve(Long.toString(pid.get()));
        if (!Files.isDirectory(proc.resolve("self"))) {
            return new Finding(Verdict.UNKNOWN, pid.get());
        }
        if (!Files.isDirectory(process)) {
            return new Finding(Verdict.NONE, pid.get());
        }
        return new Finding(isPostmasterOf(process, dataDirectory) ? Verdict.OURS : Verdict.UNRELATED, pid.get());
    }

    private static boolean isPostmasterOf(Path process, Path dataDirectory) {
        try {
            long uid = ((Number) Files.getAttribute(process, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            if (uid != OwnerOnly.currentUid()) {
                return false;
            }
            Path executable = Files.readSymbolicLink(process.resolve("exe"));
            Path workingDirectory = process.resolve("cwd").toRealPath();
            return executable.getFileName() != null
                    && executable.getFileName().toString().startsWith("postgres")
                    && workingDirectory.equals(dataDirectory.toRealPath());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // Not ours to read (another user's process) or gone meanwhile: in neither case our postmaster.
            return false;
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.stream().findFirst().map(String::strip).filter(line -> line.matches("\\d{1,10}"))
                    .map(Long::parseLong).filter(pid -> pid > 0);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
