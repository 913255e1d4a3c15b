package dev.strata.migrations.core;

import java.util.Objects;

/**
 * A migration written in Go ({@code <version>_<name>.go}) that Strata cannot run, passed over because
 * {@code migrations.skip_go_migrations} says so. Kept as a value, not only as a note, because what such a step did is
 * in a database the other tool migrated and in no replay of the SQL files: {@code strata diff} says its comparison
 * leaves it out, and {@code strata adopt} does not record its version.
 *
 * @param path    the file, as the location names it
 * @param version the version in its name
 * @param layout  the layout of its location (golang-migrate, goose, popx)
 */
public record SkippedGoStep(String path, Version version, Layout layout) {
    public SkippedGoStep {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(layout, "layout");
    }

    /** How {@code status}, {@code plan} and {@code migrate} name it on stderr. */
    public String note() {
        return "skipped: " + path + " (version " + version + ") is a " + layout + " migration written in Go, which"
                + " Strata cannot run (migrations.skip_go_migrations = true)";
    }
}
