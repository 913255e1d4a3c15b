package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Version;

import java.util.Objects;

/**
 * A migration file that is ready to plan: its version, description, normalised content and checksum.
 *
 * @param version null exactly for a repeatable migration ({@code R__<description>.sql}), which has none
 * @param script  the file name, the identity used in history and messages
 * @param path    where the file was found, for messages
 */
public record ResolvedMigration(Version version, String description, String script, String path, String content,
                                Checksum checksum) {
    public ResolvedMigration {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(checksum, "checksum");
        if (version == null && !script.startsWith("R__")) {
            throw new IllegalArgumentException("only a repeatable migration (R__…) has no version: " + script);
        }
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
