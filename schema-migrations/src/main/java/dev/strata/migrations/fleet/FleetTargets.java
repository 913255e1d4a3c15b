package dev.strata.migrations.fleet;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.DeclaredTarget;
import dev.strata.migrations.config.FleetConfig;
import dev.strata.migrations.config.JdbcConnectionSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The fleet's targets: those the file declares, then those found by schema pattern and by query on database.url,
 * then narrowed by a selection ({@code all}, a name, or a pattern with {@code *} and {@code ?}).
 */
public final class FleetTargets {
    private FleetTargets() {
    }

    /**
     * @throws ConfigurationException when no target is configured, discovery needs a database.url that is not set,
     *                                two targets share a name, or the selection matches none
     */
    public static List<Target> resolve(FleetConfig fleet, DatabaseSettings database, String selection) {
        if (!fleet.hasTargets()) {
            throw new ConfigurationException("no fleet targets are configured",
                    "declare them as [[targets]] entries, or discover them with [fleet] schemas = \"tenant_*\" or"
                            + " [fleet] query = \"select name, url from tenants\" (see docs/fleet.md)");
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (DeclaredTarget declared : fleet.targets()) {
            DatabaseUrl url = declared.url().or(database::url).orElseThrow(() -> new ConfigurationException(
                    "target '" + declared.name() + "' at " + declared.origin() + " has no url and database.url is"
                            + " not set", "give the target a url, or set database.url"));
            add(targets, new Target(declared.name(), url, declared.password(), declared.schema()), declared.origin());
        }
        if (fleet.schemas().isPresent() || fleet.query().isPresent()) {
            DatabaseUrl url = database.url().orElseThrow(() -> new ConfigurationException(
                    "[fleet] " + (fleet.schemas().isPresent() ? "schemas" : "query") + " discovers targets on"
                            + " database.url, which is not set", "set database.url (or --url) to the server to"
                            + " discover them on"));
            ConnectionSource control = new JdbcConnectionSource(database, new Properties(), Optional.empty());
            fleet.schemas().ifPresent(pattern -> TargetDiscovery.schemas(control, url, pattern)
                    .forEach(target -> add(targets, target, "[fleet] schemas")));
            fleet.query().ifPresent(query -> TargetDiscovery.query(control, query)
                    .forEach(target -> add(targets, target, "[fleet] query")));
        }
        return select(List.copyOf(targets.values()), selection);
    }

    private static void add(Map<String, Target> targets, Target target, String origin) {
        if (targets.putIfAbsent(target.name(), target) != null) {
            throw new ConfigurationException("two targets are named '" + target.name() + "' (the second from "
                    + origin + ")", "give each target a name of its own");
        }
    }

    /** The targets {@code selection} names: all, one name, or a pattern; at least one. */
    public static List<Target> select(List<Target> targets, String selection) {
        if (selection.equals("all")) {
            return targets;
        }
        var pattern = TargetDiscovery.glob(selection);
        List<Target> selected = new ArrayList<>();
        for (Target target : targets) {
            if (pattern.matcher(target.name()).matches()) {
                selected.add(target);
            }
        }
        if (selected.isEmpty()) {
            List<String> names = targets.stream().map(Target::name).limit(10).toList();
            throw new ConfigurationException("--targets " + selection + " matches none of the " + targets.size()
                    + " targets (" + String.join(", ", names) + (targets.size() > names.size() ? ", …" : "") + ")",
                    "name a target, a pattern such as tenant_*, or all");
        }
        return List.copyOf(selected);
    }
}
