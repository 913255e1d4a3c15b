package dev.strata.bench;

import java.nio.file.Path;

/** A migration tool under test: how it migrates and validates one database from one directory of files. */
interface Tool {
    /** The name in the results table, e.g. {@code strata (CLI)}. */
    String name();

    /** True when it runs inside the harness's JVM (no process start, no peak-memory figure). */
    boolean inProcess();

    Measurement migrate(String database, Path migrations);

    /** False for psql, which has no notion of applied files. */
    default boolean validates() {
        return true;
    }

    Measurement validate(String database, Path migrations);
}
