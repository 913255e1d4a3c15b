package dev.strata.migrations.config;

import dev.strata.migrations.core.FailurePolicy;

import java.util.List;
import java.util.Optional;

/**
 * The {@code [fleet]} section and the {@code [[targets]]} entries, validated.
 *
 * @param targets  the targets the file declares, in its order
 * @param schemas  discover a target per schema of database.url's database matching this pattern
 * @param query    discover the targets from this query's rows on database.url
 */
public record FleetConfig(List<DeclaredTarget> targets, Optional<String> schemas, Optional<String> query,
                          int parallel, FailurePolicy onFailure, boolean includePublic) {
    public static final int MAX_PARALLEL = 64;
    public static final FleetConfig NONE = new FleetConfig(List.of(), Optional.empty(), Optional.empty(),
            Integer.parseInt(ConfigKey.FLEET_PARALLEL.defaultValue().orElseThrow()), FailurePolicy.CONTINUE, false);

    public FleetConfig {
        targets = List.copyOf(targets);
    }

    /** Whether any target is declared or discovered: the fleet options need one. */
    public boolean hasTargets() {
        return !targets.isEmpty() || schemas.isPresent() || query.isPresent();
    }
}
