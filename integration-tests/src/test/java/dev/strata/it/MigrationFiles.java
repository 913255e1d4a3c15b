package dev.strata.it;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Migration files in a test's own directory, and migrators that read them from the file system. */
final class MigrationFiles {
    private final Path directory;

    MigrationFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Writes {@code sql} as UTF-8, as given (use LF line endings unless the test is about them). */
    MigrationFiles write(String name, String sql) {
        return writeBytes(name, sql.getBytes(StandardCharsets.UTF_8));
    }

    MigrationFiles writeBytes(String name, byte[] content) {
        try {
            Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String read(String name) {
        try {
            return Files.readString(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationFiles delete(String name) {
        try {
            Files.delete(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The defaults, with this directory as the only location. */
    MigrationSettings settings() {
        return MigrationSettings.defaults().withLocations(List.of(new Location.Filesystem(directory)));
    }

    Migrator migrator(TestDatabase database) {
        return migrator(database, settings());
    }

    static Migrator migrator(TestDatabase database, MigrationSettings settings) {
        return new Migrator(database.connectionSource(), settings);
    }
}
