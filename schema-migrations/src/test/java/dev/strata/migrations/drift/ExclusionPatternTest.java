package dev.strata.migrations.drift;

import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DriftConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exclusion patterns of {@code strata diff}, parsed and applied to snapshots built by hand: no database. */
class ExclusionPatternTest {
    private static final SchemaObject AUDIT = SchemaObject.of(ObjectKind.SCHEMA, "audit", Map.of());
    private static final SchemaObject AUDIT_LOG = SchemaObject.of(ObjectKind.TABLE, "audit.log", Map.of());
    private static final SchemaObject JOBS = SchemaObject.of(ObjectKind.TABLE, "public.jobs", Map.of());
    private static final SchemaObject FLYWAY = SchemaObject.of(ObjectKind.TABLE, "public.flyway_schema_history",
            Map.of());
    private static final SchemaObject FLYWAY_PKEY = part(ObjectKind.CONSTRAINT,
            "public.flyway_schema_history.flyway_schema_history_pk", "public.flyway_schema_history");
    private static final SchemaObject FLYWAY_INDEX = part(ObjectKind.INDEX, "public.flyway_schema_history_s_idx",
            "public.flyway_schema_history");
    private static final SchemaObject GOOSE = SchemaObject.of(ObjectKind.TABLE, "app.goose_db_version", Map.of());
    private static final SchemaObject GOOSE_SEQUENCE = part(ObjectKind.SEQUENCE, "app.goose_db_version_id_seq",
            "app.goose_db_version");
    private static final SchemaObject TOUCH = SchemaObject.of(ObjectKind.FUNCTION, "public.touch(integer, text)",
            Map.of());
    private static final SchemaObject QUOTED = SchemaObject.of(ObjectKind.TABLE, "\"my.schema\".\"Audit\"", Map.of());
    private static final SchemaObject CITEXT = SchemaObject.of(ObjectKind.EXTENSION, "citext",
            Map.of("schema", "audit"));

    private static SchemaObject part(ObjectKind kind, String name, String parent) {
        return new SchemaObject(kind, name, Optional.of(parent), Map.of());
    }

    private static List<String> kept(DriftExclusions exclusions, SchemaObject... objects) {
        return exclusions.apply(SchemaSnapshot.of(List.of(objects))).kept().objects().stream()
                .map(object -> object.key().toString()).toList();
    }

    private static DriftExclusions only(String... patterns) {
        DriftExclusions exclusions = DriftExclusions.none();
        for (String pattern : patterns) {
            exclusions = exclusions.plus(ExclusionPattern.parse(pattern), "test");
        }
        return exclusions;
    }

    @Test
    void aSchemaPatternLeavesOutTheSchemaAndEverythingInIt() {
        assertThat(kept(only("schema:audit"), AUDIT, AUDIT_LOG, JOBS, CITEXT)).containsExactly("table public.jobs");
    }

    @Test
    void aKindPatternLeavesOutEveryObjectOfThatKind() {
        assertThat(kept(only("kind:function"), JOBS, TOUCH)).containsExactly("table public.jobs");
        assertThat(kept(only("KIND:Materialized_View"), JOBS)).containsExactly("table public.jobs");
    }

    @Test
    void aTablePatternLeavesOutTheTableAndItsPartsOnly() {
        DriftExclusions.Filtered filtered = only("table:public.flyway_schema_history")
                .apply(SchemaSnapshot.of(List.of(JOBS, FLYWAY, FLYWAY_PKEY, FLYWAY_INDEX)));

        assertThat(filtered.kept().objects()).containsExactly(JOBS);
        assertThat(filtered.matched().values()).singleElement().satisfies(keys ->
                assertThat(keys).containsExactly(FLYWAY.key()));
    }

    @Test
    void aGlobMatchesAnyRunOfCharactersDotsIncluded() {
        assertThat(kept(only("table:*.flyway_schema_history"), FLYWAY, JOBS)).containsExactly("table public.jobs");
        assertThat(kept(only("function:public.touch(*)"), TOUCH)).isEmpty();
        assertThat(kept(only("object:public.*"), JOBS, TOUCH, AUDIT_LOG)).containsExactly("table audit.log");
        assertThat(kept(only("table:public.job"), JOBS)).as("no * means the whole name").containsExactly(
                "table public.jobs");
        assertThat(kept(only("table:public.flyway_schema_history"), FLYWAY))
                .as("a pattern names its kind only").isEmpty();
        assertThat(kept(only("view:public.flyway_schema_history"), FLYWAY)).hasSize(1);
    }

    @Test
    void aQuotedSchemaNameKeepsItsDots() {
        assertThat(ExclusionPattern.schemaOf(QUOTED)).contains("\"my.schema\"");
        assertThat(kept(only("schema:\"my.schema\""), QUOTED, JOBS)).containsExactly("table public.jobs");
    }

    @Test
    void byDefaultOtherToolsHistoryTablesInAnySchemaAreLeftOutWithTheirSequences() {
        DriftConfig unset = DriftConfig.UNSET;
        DriftExclusions defaults = DriftExclusions.of(unset.excludeToolHistory(), unset.exclude(),
                unset.excludeOrigin(), List.of());

        assertThat(kept(defaults, JOBS, FLYWAY, FLYWAY_PKEY, GOOSE, GOOSE_SEQUENCE)).containsExactly("table public.jobs");
        assertThat(kept(DriftExclusions.of(false, List.of(), "test", List.of()), FLYWAY))
                .containsExactly("table public.flyway_schema_history");
    }

    @Test
    void theConfigurationsAndTheCommandLinesPatternsAddUp() {
        DriftExclusions exclusions = DriftExclusions.of(true, List.of("schema:audit"), "strata.toml:4",
                DriftExclusions.parseOption(List.of("kind:function")));

        assertThat(exclusions.rules()).extracting(rule -> rule.pattern().text(), DriftExclusions.Rule::origin)
                .endsWith(org.assertj.core.groups.Tuple.tuple("schema:audit", "drift.exclude (from strata.toml:4)"),
                        org.assertj.core.groups.Tuple.tuple("kind:function", "--exclude"));
    }

    @Test
    void aMalformedPatternIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> ExclusionPattern.parse("flyway_schema_history"))
                .hasMessage("'flyway_schema_history' has no selector: expected <selector>:<name>, where the selector"
                        + " is schema, kind, object or a kind (table, view, function, …), e.g."
                        + " table:*.flyway_schema_history");
        assertThatThrownBy(() -> ExclusionPattern.parse("tabel:public.x"))
                .hasMessageStartingWith("'tabel:public.x' has an unknown selector 'tabel': expected schema, kind,"
                        + " object or a kind (schema, extension, enum, domain, type, sequence, table, column,");
        assertThatThrownBy(() -> ExclusionPattern.parse("kind:func"))
                .hasMessageStartingWith("'kind:func' names an unknown kind 'func': expected one of schema, extension");
        assertThatThrownBy(() -> ExclusionPattern.parse("kind:*"))
                .hasMessageEndingWith("(a kind is named exactly, without *)");
        assertThatThrownBy(() -> ExclusionPattern.parse("table:"))
                .hasMessage("'table:' names nothing after 'table:': expected a name or a glob such as public.audit_*");
        assertThatThrownBy(() -> ExclusionPattern.parse("table:flyway_schema_history"))
                .hasMessage("'table:flyway_schema_history' names an unqualified object: diff names every table with"
                        + " its schema, so write table:public.flyway_schema_history or table:*.flyway_schema_history"
                        + " (any schema)");
        assertThatThrownBy(() -> ExclusionPattern.parse("schema:public.jobs"))
                .hasMessage("'schema:public.jobs' names an object, not a schema: write schema:public for the whole"
                        + " schema, or table:public.jobs (or another kind) for the object");
        assertThatThrownBy(() -> ExclusionPattern.parse("  "))
                .hasMessageStartingWith("an empty pattern: expected <selector>:<name>");
    }

    @Test
    void aMalformedPatternIsAConfigurationErrorNamingWhereItWasWritten() {
        assertThatThrownBy(() -> DriftExclusions.of(true, List.of("schema:audit", "tables:public.x"), "strata.toml:7",
                List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("drift.exclude (from strata.toml:7): 'tables:public.x' has an unknown selector")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint())
                        .startsWith("fix drift.exclude in strata.toml:7"));
        assertThatThrownBy(() -> DriftExclusions.parseOption(List.of("kind:function", "audit")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("--exclude: 'audit' has no selector");
    }
}
