package dev.strata.migrations.drift;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.history.ForeignHistoryTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The objects a drift check leaves out of the comparison, on both sides: the patterns of {@code drift.exclude} and
 * {@code --exclude}, and by default the history tables other tools leave behind.
 *
 * <p>Those tables are left out whenever they exist, not only after {@code strata adopt}: after {@code strata baseline}
 * the history holds no adopted row, yet the old tool's table is still there, and Strata's migrations never create
 * one. The report names every table left out this way, so nothing disappears silently.
 */
public final class DriftExclusions {
    static final String TOOL_HISTORY_ORIGIN = "default: another tool's history table ("
            + ConfigKey.DRIFT_EXCLUDE_TOOL_HISTORY.qualifiedName() + ")";

    /**
     * A pattern and where it was written.
     *
     * @param origin e.g. {@code --exclude}, {@code drift.exclude (from strata.toml:12)}, or the default
     */
    public record Rule(ExclusionPattern pattern, String origin, boolean byDefault) {
        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(origin, "origin");
        }
    }

    private final List<Rule> rules;

    private DriftExclusions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Nothing left out but Strata's own history table (which a snapshot never holds). */
    public static DriftExclusions none() {
        return new DriftExclusions(List.of());
    }

    /** The default: other tools' history tables, in any schema. */
    public static DriftExclusions toolHistoryTables() {
        List<Rule> rules = new ArrayList<>();
        for (String table : ForeignHistoryTable.defaultTableNames()) {
            rules.add(new Rule(ExclusionPattern.parse("table:*." + table), TOOL_HISTORY_ORIGIN, true));
        }
        return new DriftExclusions(rules);
    }

    /**
     * The configuration's exclusions, then the command line's ({@code --exclude} adds to {@code drift.exclude}). The
     * {@code [drift]} section comes as plain values, so that this public type shows no configuration internals.
     *
     * @param toolHistoryTables {@code drift.exclude_tool_history}: other tools' history tables left out
     * @param configured        the {@code drift.exclude} patterns as written
     * @param configuredOrigin  where they were written, e.g. {@code strata.toml:12}
     * @param commandLine       the {@code --exclude} patterns, already parsed ({@link #parseOption(List)})
     * @throws ConfigurationException naming the first malformed pattern, where it was written and what is expected
     */
    public static DriftExclusions of(boolean toolHistoryTables, List<String> configured, String configuredOrigin,
                                     List<ExclusionPattern> commandLine) {
        DriftExclusions exclusions = toolHistoryTables ? toolHistoryTables() : none();
        String key = ConfigKey.DRIFT_EXCLUDE.qualifiedName();
        String source = key + " (from " + configuredOrigin + ")";
        for (String pattern : configured) {
            exclusions = exclusions.plus(parse(pattern, source, "fix " + key + " in " + configuredOrigin), source);
        }
        for (ExclusionPattern pattern : commandLine) {
            exclusions = exclusions.plus(pattern, OPTION);
        }
        return exclusions;
    }

    /**
     * The {@code --exclude} patterns, parsed before anything starts.
     *
     * @throws ConfigurationException naming the first malformed pattern and what is expected
     */
    public static List<ExclusionPattern> parseOption(List<String> patterns) {
        return patterns.stream().map(pattern -> parse(pattern, OPTION, "fix the " + OPTION + " option")).toList();
    }

    private static final String OPTION = "--exclude";

    private static ExclusionPattern parse(String pattern, String source, String hint) {
        try {
            return ExclusionPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": " + e.getMessage(), hint
                    + "; patterns are schema:<glob>, kind:<kind>, <kind>:<glob> or object:<glob> (see docs/drift.md)");
        }
    }

    /** These exclusions and one more pattern. */
    public DriftExclusions plus(ExclusionPattern pattern, String origin) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(new Rule(pattern, origin, false));
        return new DriftExclusions(more);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** A snapshot without the excluded objects, and which objects each rule left out. */
    record Filtered(SchemaSnapshot kept, Map<Rule, List<ObjectKey>> matched) {
    }

    /**
     * Leaves out every object a rule names, and the parts (columns, constraints, indexes, triggers, owned sequences)
     * of every relation left out. Each rule's list holds the objects it named whose relation was not left out too.
     */
    Filtered apply(SchemaSnapshot snapshot) {
        Map<String, Set<String>> columns = columnsByRelation(snapshot);
        Map<ObjectKey, Rule> direct = new LinkedHashMap<>();
        for (SchemaObject object : snapshot.objects()) {
            Optional<String> schema = ExclusionPattern.schemaOf(object);
            rules.stream().filter(rule -> rule.pattern().matches(object, schema))
                    .filter(rule -> !rule.byDefault() || isToolHistory(object, columns))
                    .findFirst().ifPresent(rule -> direct.put(object.key(), rule));
        }
        Set<String> excludedRelations = new HashSet<>();
        direct.keySet().stream().filter(key -> SchemaDiff.isRelation(key.kind()) || key.kind() == ObjectKind.SEQUENCE)
                .forEach(key -> excludedRelations.add(key.name()));
        Map<Rule, List<ObjectKey>> matched = new LinkedHashMap<>();
        rules.forEach(rule -> matched.put(rule, new ArrayList<>()));
        List<SchemaObject> kept = new ArrayList<>();
        for (SchemaObject object : snapshot.objects()) {
            boolean partOfExcluded = object.parent().filter(excludedRelations::contains).isPresent();
            Rule rule = direct.get(object.key());
            if (rule != null && !partOfExcluded) {
                matched.get(rule).add(object.key());
            }
            if (rule == null && !partOfExcluded) {
                kept.add(object);
            }
        }
        return new Filtered(new SchemaSnapshot(snapshot.serverVersion(), kept), matched);
    }

    /**
     * A table the default rules name is left out only when it is the tool's: a table called {@code schema_version}
     * with columns of the application's own is compared like any other.
     */
    private static boolean isToolHistory(SchemaObject table, Map<String, Set<String>> columns) {
        String name = table.name().substring(table.name().lastIndexOf('.') + 1);
        return ForeignHistoryTable.isDefaultToolTable(name, columns.getOrDefault(table.name(), Set.of()));
    }

    /** Each relation's column names, as a column's qualified name ends ({@code public.jobs.status}: status). */
    private static Map<String, Set<String>> columnsByRelation(SchemaSnapshot snapshot) {
        Map<String, Set<String>> columns = new HashMap<>();
        for (SchemaObject object : snapshot.objects()) {
            if (object.kind() == ObjectKind.COLUMN && object.parent().isPresent()) {
                String relation = object.parent().get();
                columns.computeIfAbsent(relation, ignored -> new HashSet<>())
                        .add(object.name().substring(relation.length() + 1));
            }
        }
        return columns;
    }
}
