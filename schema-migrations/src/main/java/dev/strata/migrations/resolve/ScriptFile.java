package dev.strata.migrations.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A raw {@code .sql} file found in a location; its bytes are read when asked for, so that the resolver can read
 * many files at once.
 *
 * @param name   the file name, e.g. {@code V1__init.sql}
 * @param path   where it was found, for messages: a file path or {@code classpath:db/migration/V1__init.sql}
 * @param reader reads the bytes as stored
 */
record ScriptFile(String name, String path, Reader reader) {

    @FunctionalInterface
    interface Reader {
        byte[] read() throws IOException;
    }

    static ScriptFile of(String name, String path, byte[] content) {
        return new ScriptFile(name, path, () -> content);
    }

    /** The bytes as stored. */
    byte[] content() {
        try {
            return reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration file " + path + ": " + e.getMessage(), e);
        }
    }
}
