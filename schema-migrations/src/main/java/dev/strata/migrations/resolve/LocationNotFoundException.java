package dev.strata.migrations.resolve;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.StrataException;

/**
 * A configured location that yields no migration: it does not exist, is not a directory, holds no {@code .sql} file,
 * or holds a symbolic link whose target is missing.
 */
public final class LocationNotFoundException extends StrataException {
    private final Location location;

    public LocationNotFoundException(Location location, String reason) {
        this(location, reason, "create the directory, or fix [migrations] locations in the configuration");
    }

    public LocationNotFoundException(Location location, String reason, String hint) {
        super("migration location " + location + " " + reason, hint);
        this.location = location;
    }

    public Location location() {
        return location;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
