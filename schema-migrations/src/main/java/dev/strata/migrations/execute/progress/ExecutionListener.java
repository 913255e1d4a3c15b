package dev.strata.migrations.execute.progress;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SkippedGoStep;

/**
 * Progress of a run, for front ends that print a line per file: the CLI, or an application that logs each file it
 * migrates ({@code new Migrator(connections, settings, classLoader, listener)}). Called on the thread that runs the
 * migrations; every method does nothing unless overridden.
 */
public interface ExecutionListener {
    ExecutionListener NONE = new ExecutionListener() {
    };

    default void starting(ResolvedMigration migration) {
    }

    default void applied(AppliedFile run) {
    }

    /**
     * The file {@link #starting} announced did not finish: it failed, the run was stopped, or the connection was lost.
     * The exception the run then throws says what became of it; this only closes what {@code starting} opened.
     */
    default void stopped(ResolvedMigration migration) {
    }

    /** A notice or warning the server sent while a file ran; front ends show it (on stderr). */
    default void notice(ServerNotice notice) {
    }

    /** How the files were read, e.g. the layout {@code migrations.layout = "auto"} detected; shown on stderr. */
    default void resolution(String note) {
    }

    /**
     * A migration written in Go that {@code migrations.skip_go_migrations} passes over; it is also named in a
     * {@link #resolution} note, so front ends that print the notes need not handle it.
     */
    default void skipped(SkippedGoStep step) {
    }
}
