package dev.strata.migrations.core;

import java.nio.file.Path;
import java.util.Objects;

/** Where migration files live: {@code classpath:db/migration} or {@code filesystem:/path/to/dir}. */
public sealed interface Location permits Location.Classpath, Location.Filesystem {

    String CLASSPATH_PREFIX = "classpath:";
    String FILESYSTEM_PREFIX = "filesystem:";

    /** The default location, as Flyway users expect it. */
    Location DEFAULT = new Classpath("db/migration");

    /**
     * Parses {@code classpath:<path>} or {@code filesystem:<dir>}.
     *
     * @throws IllegalArgumentException naming the expected forms when the prefix is missing or unknown
     */
    static Location parse(String text) {
        Objects.requireNonNull(text, "location");
        String trimmed = text.strip();
        if (trimmed.startsWith(CLASSPATH_PREFIX) && trimmed.length() > CLASSPATH_PREFIX.length()) {
            return new Classpath(trimmed.substring(CLASSPATH_PREFIX.length()));
        }
        if (trimmed.startsWith(FILESYSTEM_PREFIX) && trimmed.length() > FILESYSTEM_PREFIX.length()) {
            return new Filesystem(Path.of(trimmed.substring(FILESYSTEM_PREFIX.length())));
        }
        throw new IllegalArgumentException("invalid location '" + text
                + "': expected classpath:<path> (e.g. classpath:db/migration) or filesystem:<dir> (e.g. filesystem:sql/migrations)");
    }

    /** Files packaged on the class path, in a directory or inside a jar. */
    record Classpath(String path) implements Location {
        public Classpath {
            path = trimSlashes(path);
        }

        @Override
        public String toString() {
            return CLASSPATH_PREFIX + path;
        }

        private static String trimSlashes(String path) {
            String result = path;
            while (result.startsWith("/")) {
                result = result.substring(1);
            }
            while (result.endsWith("/")) {
                result = result.substring(0, result.length() - 1);
            }
            return result;
        }
    }

    /** A directory on the file system, relative to the working directory unless absolute. */
    record Filesystem(Path directory) implements Location {
        public Filesystem {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String toString() {
            return FILESYSTEM_PREFIX + directory;
        }
    }
}
