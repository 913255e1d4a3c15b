package dev.strata.migrations.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a local PostgreSQL keeps its Unix socket when a URL names no host, as libpq looks for it. */
final class LocalSocket {
    /**
     * Debian, Ubuntu and Red Hat packages use the first; PostgreSQL's own builds (and Homebrew) use {@code /tmp},
     * which is libpq's compiled-in default there.
     */
    private static final List<String> DIRECTORIES = List.of("/var/run/postgresql", "/tmp");

    private LocalSocket() {
    }

    static String defaultDirectory() {
        return DIRECTORIES.stream().filter(directory -> Files.isDirectory(Path.of(directory)))
                .findFirst().orElse(DIRECTORIES.get(DIRECTORIES.size() - 1));
    }
}
