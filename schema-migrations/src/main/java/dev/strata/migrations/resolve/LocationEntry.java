package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;

import java.util.Optional;

/**
 * One entry of {@code migrations.locations}: a location, and the layout its files are written in when it names
 * one, as in {@code filesystem:db/legacy?layout=golang-migrate}. The suffix keeps a whole location on one line, in
 * {@code strata.toml}, in {@code STRATA_MIGRATIONS__LOCATIONS} and on the command line alike.
 */
public record LocationEntry(Location location, Optional<Layout> layout) {
    public static final String LAYOUT_SUFFIX = "?layout=";

    /**
     * Parses {@code classpath:<path>} or {@code filesystem:<dir>}, either with {@code ?layout=<layout>}.
     *
     * @throws IllegalArgumentException naming the accepted forms or layouts
     */
    public static LocationEntry parse(String text) {
        int suffix = text.lastIndexOf(LAYOUT_SUFFIX);
        if (suffix < 0) {
            if (text.contains("?")) {
                throw new IllegalArgumentException("location '" + text + "': the only setting a location takes is "
                        + "?layout=<layout>, e.g. filesystem:db/legacy?layout=golang-migrate");
            }
            return new LocationEntry(Location.parse(text), Optional.empty());
        }
        String name = text.substring(suffix + LAYOUT_SUFFIX.length()).strip();
        Layout layout = Layout.parse(name).orElseThrow(() -> new IllegalArgumentException("location '" + text
                + "' names the layout '" + name + "': expected one of " + Layout.names()));
        return new LocationEntry(Location.parse(text.substring(0, suffix)), Optional.of(layout));
    }
}
