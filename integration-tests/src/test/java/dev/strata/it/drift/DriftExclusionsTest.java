package dev.strata.it.drift;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.drift.DriftCheck;
import dev.strata.migrations.drift.DriftExclusions;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.drift.Excluded;
import dev.strata.migrations.drift.ObjectDifference.Change;
import dev.strata.migrations.drift.ObjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@code strata diff}'s exclusions on real databases: another tool's history table left behind after an adoption, a
 * schema another system owns, and objects named by a glob are left out on both sides, and the report says which.
 */
@ExtendWith(FreshDatabase.class)
class DriftExclusionsTest {
    /** What a team keeps after switching: Flyway's table and goose's (with its serial) and a schema of its own. */
    private static final String LEFT_BEHIND = """
            create table flyway_schema_history (installed_rank integer not null
                constraint flyway_schema_history_pk primary key, version varchar(50), success boolean not null);
            create index flyway_schema_history_s_idx on flyway_schema_history (success);
            create table goose_db_version (id serial primary key, version_id bigint not null);
            create schema audit;
            create table audit.events (id bigint primary key, happened_at timestamptz);
            create function public.tmp_debug() returns integer language sql as 'select 1';
            """;

    private static DriftReport check(TestDatabase live, TestDatabase scratch, DriftExclusions exclusions) {
        return new DriftCheck(live.connectionSource(), scratch.connectionSource(), EveryKindSchema.SETTINGS,
                DriftExclusionsTest.class.getClassLoader(), exclusions).run();
    }

    @Test
    void excludedObjectsAreNotDriftAndTheReportNamesThem(TestDatabase live, TestDatabase scratch) {
        EveryKindSchema.migrate(live, EveryKindSchema.SETTINGS);
        EveryKindSchema.hotfix(live, LEFT_BEHIND);
        DriftExclusions exclusions = DriftExclusions.of(true, List.of("schema:audit", "table:public.nothing_*"),
                "strata.toml:9", DriftExclusions.parseOption(List.of("function:public.tmp_*")));

        DriftReport report = check(live, scratch, exclusions);

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        assertThat(report.excluded()).extracting(Excluded::pattern, Excluded::byDefault,
                        excluded -> excluded.objects().stream().map(Object::toString).toList())
                .containsExactly(
                        tuple("table:*.flyway_schema_history", true, List.of("table public.flyway_schema_history")),
                        tuple("table:*.goose_db_version", true, List.of("table public.goose_db_version")),
                        tuple("schema:audit", false, List.of("schema audit", "table audit.events")),
                        tuple("table:public.nothing_*", false, List.of()),
                        tuple("function:public.tmp_*", false, List.of("function public.tmp_debug()")));
    }

    @Test
    void aSchemaVersionTableIsLeftOutOnlyWithTheColumnsOfTheToolThatUsesTheName(TestDatabase live,
                                                                               TestDatabase scratch) {
        EveryKindSchema.migrate(live, EveryKindSchema.SETTINGS);
        EveryKindSchema.hotfix(live, """
                create table public.schema_version (version integer primary key, applied_at timestamptz);
                create schema temporal;
                create table temporal.schema_version (version_partition integer not null, db_name varchar(255)
                    not null, creation_time timestamp, curr_version varchar(64), min_compatible_version varchar(64),
                    primary key (version_partition, db_name));
                """);

        DriftReport report = check(live, scratch, DriftExclusions.of(true, List.of(), "the default", List.of()));

        assertThat(report.excluded()).extracting(Excluded::pattern,
                        excluded -> excluded.objects().stream().map(Object::toString).toList())
                .containsExactly(tuple("table:*.schema_version", List.of("table temporal.schema_version")));
        assertThat(report.diff().differences()).as("the application's own table is compared")
                .extracting(d -> d.key().toString(), d -> d.change())
                .containsExactlyInAnyOrder(tuple("schema temporal", Change.UNEXPECTED),
                        tuple("table public.schema_version", Change.UNEXPECTED));
    }

    @Test
    void withoutExclusionsTheSameObjectsAreDrift(TestDatabase live, TestDatabase scratch) {
        EveryKindSchema.migrate(live, EveryKindSchema.SETTINGS);
        EveryKindSchema.hotfix(live, LEFT_BEHIND);

        DriftReport report = check(live, scratch,
                DriftExclusions.of(false, List.of(), "the default", List.of()));

        assertThat(report.excluded()).isEmpty();
        assertThat(report.diff().differences()).extracting(d -> d.key().toString(), d -> d.change())
                .containsExactlyInAnyOrder(
                        tuple("schema audit", Change.UNEXPECTED),
                        tuple("table audit.events", Change.UNEXPECTED),
                        tuple("table public.flyway_schema_history", Change.UNEXPECTED),
                        tuple("table public.goose_db_version", Change.UNEXPECTED),
                        tuple("function public.tmp_debug()", Change.UNEXPECTED));
        assertThat(report.diff().find(ObjectKind.TABLE, "public.goose_db_version").orElseThrow().parts())
                .as("the serial's sequence goes with its table, excluded or not")
                .extracting(part -> part.key().toString()).contains("sequence public.goose_db_version_id_seq");
    }
}
