package dev.strata.migrations.drift;

import java.util.List;
import java.util.Objects;

/**
 * What one exclusion pattern left out of a drift check, in either database.
 *
 * @param pattern   the pattern as written, e.g. {@code table:public.flyway_schema_history}
 * @param origin    where it was written: {@code --exclude}, {@code drift.exclude (from strata.toml:12)}, or the default
 * @param byDefault whether it is one of the default patterns (other tools' history tables)
 * @param objects   the objects it named (a relation's parts go with it and are not listed), ordered by kind and name;
 *                  empty when it matched nothing
 */
public record Excluded(String pattern, String origin, boolean byDefault, List<ObjectKey> objects) {
    public Excluded {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(origin, "origin");
        objects = objects.stream().sorted().toList();
    }
}
