package dev.strata.migrations.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which layout each location is read in: the one its {@code locations} entry names ({@code …?layout=dbmate}), else
 * {@code migrations.layout}, the one for every other location.
 *
 * @param fallback   the layout of a location that names none
 * @param byLocation the locations that name their own
 */
public record LocationLayouts(Layout fallback, Map<Location, Layout> byLocation) {
    public LocationLayouts {
        Objects.requireNonNull(fallback, "fallback");
        byLocation = Map.copyOf(byLocation);
    }

    /** Every location in {@code layout}. */
    public static LocationLayouts uniform(Layout layout) {
        return new LocationLayouts(layout, Map.of());
    }

    /** The layout {@code location} is read in. */
    public Layout of(Location location) {
        return byLocation.getOrDefault(location, fallback);
    }

    /** As these, with {@code location} read in {@code layout}. */
    public LocationLayouts with(Location location, Layout layout) {
        Map<Location, Layout> changed = new LinkedHashMap<>(byLocation);
        changed.put(location, layout);
        return new LocationLayouts(fallback, changed);
    }

    /** As these, with {@code layout} for every location that names none. */
    public LocationLayouts withFallback(Layout layout) {
        return new LocationLayouts(layout, byLocation);
    }
}
