package dev.strata.migrations.core;

import java.util.Objects;

/**
 * A migration file that is ready to plan: what it is known by, its description, normalised content and checksum.
 *
 * @param id      its version; for a repeatable migration ({@code R__<description>.sql}), which has none, its file name
 * @param script  the file name, the identity used in history and messages
 * @param path    where the file was found, for messages
 * @param layout  the layout the file was read in, whose conventions still count when it runs (golang-migrate runs
 *                a file of statements that cannot run in a transaction without one, see {@code migrations.non_transactional})
 */
public record ResolvedMigration(MigrationId id, String description, String script, String path, String content,
                                Checksum checksum, Layout layout) {
    public ResolvedMigration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(checksum, "checksum");
        if (id instanceof MigrationId.Repeatable repeatable
                && !(script.startsWith("R__") && repeatable.script().equals(script))) {
            throw new IllegalArgumentException("only a repeatable migration (R__…) has no version, and it is known by"
                    + " its file name: " + script + " as " + repeatable.script());
        }
    }

    /** A file in Strata's own layout. */
    public ResolvedMigration(MigrationId id, String description, String script, String path, String content,
                             Checksum checksum) {
        this(id, description, script, path, content, checksum, Layout.STRATA);
    }

    @Override
    public String toString() {
        return script;
    }
}
