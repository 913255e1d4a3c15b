package dev.strata.migrations.drift;

import dev.strata.migrations.core.Version;

import java.util.Objects;

/**
 * A migration written in Go that {@code migrations.skip_go_migrations} passes over: Strata cannot run it, so what it
 * changed in the database (the tool before Strata ran it) is in no replay, and the comparison leaves it out.
 *
 * @param path    the file, as its location names it
 * @param version the version in its name
 * @param layout  the layout of its location, as {@code migrations.layout} names it ({@code goose}, …)
 */
public record UnreplayedStep(String path, Version version, String layout) {
    public UnreplayedStep {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(layout, "layout");
    }
}
