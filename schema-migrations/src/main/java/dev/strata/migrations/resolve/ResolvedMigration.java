package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Version;

import java.util.Objects;

/**
 * A migration file that is ready to plan: its version, description, normalised content and checksum.
 *
 * @param version null exactly for a repeatable migration ({@code R__<description>.sql}), which has none
 * @param script  the file name, the identity used in history and messages
 * @param path    where the file was found, for messages
 * @param layout  the layout the file was read in, whose conventions still count when it runs (golang-migrate runs
 *                a file of statements that cannot run in a transaction without one, see {@code migrations.non_transactional})
 */
public record ResolvedMigration(Version version, String description, String script, String path, String content,
                                Checksum checksum, Layout layout) {
    public ResolvedMigration {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(checksum, "checksum");
        if (version == null && !script.startsWith("R__")) {
            throw new IllegalArgumentException("only a repeatable migration (R__…) has no version: " + script);
        }
    }

    /** A file in Strata's own layout. */
    public ResolvedMigration(Version version, String description, String script, String path, String content,
                             Checksum checksum) {
        this(version, description, script, path, content, checksum, Layout.STRATA);
    }

    /** True for {@code R__<description>.sql}: no version, re-applied whenever its checksum changes. */
    public boolean isRepeatable() {
        return version == null;
    }

    /** How messages name what this file is: {@code version 3}, or {@code repeatable}. */
    public String identity() {
        return identity(version);
    }

    /** How messages name a migration by its version: {@code version 3}, or {@code repeatable} when it has none. */
    public static String identity(Version version) {
        return version == null ? "repeatable" : "version " + version;
    }

    @Override
    public String toString() {
        return script;
    }
}
