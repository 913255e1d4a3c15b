package dev.strata.migrations.resolve;

/**
 * A raw {@code .sql} file found in a location.
 *
 * @param name     the file name, e.g. {@code V1__init.sql}
 * @param path     where it was found, for messages: a file path or {@code classpath:db/migration/V1__init.sql}
 * @param content  the bytes as stored
 */
record ScriptFile(String name, String path, byte[] content) {
}
