package dev.strata.migrations.resolve;

import dev.strata.migrations.core.StrataException;

/** A configured filesystem location that does not exist or is not a directory. */
public final class LocationNotFoundException extends StrataException {
    private final Location location;

    public LocationNotFoundException(Location location, String reason) {
        super("migration location " + location + " " + reason,
                "create the directory, or fix [migrations] locations in the configuration");
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
