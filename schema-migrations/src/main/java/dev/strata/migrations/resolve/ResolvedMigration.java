package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Version;

import java.util.Objects;

/**
 * A migration file that is ready to plan: its version, description, normalised content and checksum.
 *
 * @param script the file name, the identity used in history and messages
 * @param path   where the file was found, for messages
 */
public record ResolvedMigration(Version version, String description, String script, String path, String content,
                                Checksum checksum) {
    public ResolvedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(checksum, "checksum");
    }

    @Override
    public String toString() {
        return script;
    }
}
