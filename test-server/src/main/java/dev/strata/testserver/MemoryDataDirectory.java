package dev.strata.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the embedded server keeps its data: in memory ({@code /dev/shm}) when the machine has one with room, since a
 * test database is a copy of the template's files and on a busy disk each copy costs ten times more; else the
 * temporary directory. The data lives as long as the server: it is deleted when the server stops, and directories of
 * killed runs are removed by the next run.
 */
final class MemoryDataDirectory {
    static final Path SHARED_MEMORY = Path.of("/dev/shm");
    static final String PREFIX = "strata-test-pg-";
    /** Room for the server's files (about 60 MB), a template and the databases of tests running in parallel. */
    private static final long MIN_FREE_BYTES = 1L << 30;
    /** A directory this old without a running server is left over from a killed run (initdb takes seconds). */
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private MemoryDataDirectory() {
    }

    /** A new, empty data directory in {@code /dev/shm}, or empty when there is none with room. */
    static Optional<Path> create() {
        try {
            if (!Files.isDirectory(SHARED_MEMORY) || !Files.isWritable(SHARED_MEMORY)
                    || Files.getFileStore(SHARED_MEMORY).getUsableSpace() < MIN_FREE_BYTES) {
                return Optional.empty();
            }
            removeStale();
            return Optional.of(Files.createTempDirectory(SHARED_MEMORY, PREFIX));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty(); // the temporary directory will do
        }
    }

    private static void removeStale() throws IOException {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (Stream<Path> children = Files.list(SHARED_MEMORY)) {
            for (Path directory : children.filter(path -> path.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (Files.getLastModifiedTime(directory).toInstant().isBefore(cutoff) && !serverRunsIn(directory)) {
                    deleteTree(directory);
                }
            }
        }
    }

    /** postmaster.pid's first line is the server's process id. */
    private static boolean serverRunsIn(Path directory) {
        try (Stream<String> lines = Files.lines(directory.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::parseLong).flatMap(ProcessHandle::of)
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // another run may be removing it too; what is left is tried again next time
        }
    }
}
