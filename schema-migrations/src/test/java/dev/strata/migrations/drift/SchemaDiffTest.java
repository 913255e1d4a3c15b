package dev.strata.migrations.drift;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comparison alone: snapshots built by hand, no database. */
class SchemaDiffTest {
    private static final SchemaObject JOBS = SchemaObject.of(ObjectKind.TABLE, "public.jobs", Map.of());
    private static final SchemaObject JOBS_ID = column("public.jobs.id", "bigint", "yes", null);
    private static final SchemaObject JOBS_CREATED = column("public.jobs.created_at", "timestamp with time zone", "yes",
            "now()");
    private static final SchemaObject PENDING_INDEX = part(ObjectKind.INDEX, "public.jobs_pending_idx", "public.jobs",
            "definition", "CREATE INDEX jobs_pending_idx ON public.jobs USING btree (id) WHERE (state = 'pending'::public.job_state)");
    private static final SchemaObject TOUCH = SchemaObject.of(ObjectKind.FUNCTION, "public.touch()", Map.of("definition", """
            CREATE OR REPLACE FUNCTION public.touch()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              new.created_at := now();
              return new;
            end $function$
            """));

    private static SchemaObject column(String name, String type, String notNull, String defaultValue) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("not null", notNull);
        if (defaultValue != null) {
            attributes.put("default", defaultValue);
        }
        return new SchemaObject(ObjectKind.COLUMN, name, Optional.of(name.substring(0, name.lastIndexOf('.'))),
                attributes);
    }

    private static SchemaObject part(ObjectKind kind, String name, String parent, String attribute, String value) {
        return new SchemaObject(kind, name, Optional.of(parent), Map.of(attribute, value));
    }

    private static SchemaSnapshot snapshot(SchemaObject... objects) {
        return SchemaSnapshot.of(List.of(objects));
    }

    private static SchemaSnapshot expected() {
        return snapshot(JOBS, JOBS_ID, JOBS_CREATED, PENDING_INDEX, TOUCH);
    }

    @Test
    void equalSnapshotsHaveNoDifferences() {
        SchemaDiff diff = SchemaDiff.between(expected(), expected());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.summary()).isEqualTo("no differences");
        assertThat(diff.describe()).isEqualTo("no differences");
    }

    @Test
    void aColumnAddedByHandIsUnexpectedWithItsActualSide() {
        SchemaObject note = column("public.jobs.note", "text", "no", null);
        SchemaDiff diff = SchemaDiff.between(expected(), snapshot(JOBS, JOBS_ID, JOBS_CREATED, PENDING_INDEX, TOUCH, note));

        assertThat(diff.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.key()).isEqualTo(new ObjectKey(ObjectKind.COLUMN, "public.jobs.note"));
            assertThat(difference.change()).isEqualTo(ObjectDifference.Change.UNEXPECTED);
            assertThat(difference.expected()).isEmpty();
            assertThat(difference.actual()).contains(note);
        });
        assertThat(diff.describe()).isEqualTo("""
                1 difference: 1 not created by the migrations
                column public.jobs.note: not created by the migrations
                  expected: (none)
                  actual:   type: text; not null: no""");
    }

    @Test
    void aChangedDefinitionShowsBothSidesOfTheAttributeThatDiffers() {
        SchemaObject changed = part(ObjectKind.INDEX, "public.jobs_pending_idx", "public.jobs", "definition",
                "CREATE INDEX jobs_pending_idx ON public.jobs USING btree (id) WHERE (state = 'running'::public.job_state)");
        SchemaDiff diff = SchemaDiff.between(expected(), snapshot(JOBS, JOBS_ID, JOBS_CREATED, changed, TOUCH));

        ObjectDifference difference = diff.find(ObjectKind.INDEX, "public.jobs_pending_idx").orElseThrow();
        assertThat(difference.change()).isEqualTo(ObjectDifference.Change.CHANGED);
        assertThat(difference.attributes()).containsExactly(new AttributeDifference("definition",
                PENDING_INDEX.attribute("definition"), changed.attribute("definition")));
        assertThat(diff.describe()).contains("""
                index public.jobs_pending_idx: changed
                  definition:
                    expected: CREATE INDEX jobs_pending_idx ON public.jobs USING btree (id) WHERE (state = 'pending'::public.job_state)
                    actual:   CREATE INDEX jobs_pending_idx ON public.jobs USING btree (id) WHERE (state = 'running'::public.job_state)""");
    }

    @Test
    void anAttributeOnOneSideOnlyIsADifferenceWithAnEmptySide() {
        SchemaObject withDefault = column("public.jobs.id", "bigint", "yes", "42");
        SchemaDiff diff = SchemaDiff.between(expected(), snapshot(JOBS, withDefault, JOBS_CREATED, PENDING_INDEX, TOUCH));

        assertThat(diff.find(ObjectKind.COLUMN, "public.jobs.id").orElseThrow().attributes())
                .containsExactly(new AttributeDifference("default", Optional.empty(), Optional.of("42")));
        assertThat(diff.describe()).contains("default:\n    expected: (none)\n    actual:   42");
    }

    @Test
    void aChangedBodyShowsOnlyTheLinesThatDiffer() {
        SchemaObject edited = SchemaObject.of(ObjectKind.FUNCTION, "public.touch()", Map.of("definition",
                TOUCH.attribute("definition").orElseThrow().replace("now()", "clock_timestamp()")));
        SchemaDiff diff = SchemaDiff.between(expected(), snapshot(JOBS, JOBS_ID, JOBS_CREATED, PENDING_INDEX, edited));

        assertThat(diff.describe()).isEqualTo("""
                1 difference: 1 changed
                function public.touch(): changed
                  definition, from line 6:
                    expected   6:   new.created_at := now();
                    actual     6:   new.created_at := clock_timestamp();""");
    }

    @Test
    void theColumnsAndIndexesOfAMissingTableAreFoldedIntoIt() {
        SchemaDiff diff = SchemaDiff.between(expected(), snapshot(TOUCH));

        assertThat(diff.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.key()).isEqualTo(new ObjectKey(ObjectKind.TABLE, "public.jobs"));
            assertThat(difference.change()).isEqualTo(ObjectDifference.Change.MISSING);
            assertThat(difference.parts()).containsExactly(JOBS_CREATED, JOBS_ID, PENDING_INDEX);
        });
        assertThat(diff.describe()).endsWith("with its columns created_at, id; index jobs_pending_idx");
    }

    @Test
    void aChangedPartOfAPresentTableIsNotFolded() {
        SchemaDiff diff = SchemaDiff.between(expected(), snapshot(JOBS, JOBS_ID, PENDING_INDEX, TOUCH));

        assertThat(diff.differences()).extracting(ObjectDifference::key)
                .containsExactly(new ObjectKey(ObjectKind.COLUMN, "public.jobs.created_at"));
    }

    @Test
    void differencesAreOrderedByKindThenName() {
        SchemaObject extension = SchemaObject.of(ObjectKind.EXTENSION, "citext", Map.of("schema", "public"));
        SchemaObject other = SchemaObject.of(ObjectKind.TABLE, "public.alpha", Map.of());
        SchemaDiff diff = SchemaDiff.between(snapshot(TOUCH, extension), snapshot(other, JOBS));

        assertThat(diff.differences()).extracting(ObjectDifference::key).containsExactly(
                new ObjectKey(ObjectKind.EXTENSION, "citext"), new ObjectKey(ObjectKind.TABLE, "public.alpha"),
                new ObjectKey(ObjectKind.TABLE, "public.jobs"), new ObjectKey(ObjectKind.FUNCTION, "public.touch()"));
        assertThat(diff.summary()).isEqualTo("4 differences: 2 missing from the database, 2 not created by the migrations");
    }

    @Test
    void snapshotsFromDifferentMajorsCarryANote() {
        SchemaSnapshot on17 = new SchemaSnapshot("17.11", List.of(JOBS));
        SchemaSnapshot on15 = new SchemaSnapshot("15.18 (Debian 15.18-0+deb12u1)", List.of(JOBS));

        assertThat(SchemaDiff.between(on17, on15).notes()).singleElement().asString()
                .contains("PostgreSQL 17.11", "PostgreSQL 15.18", "same major");
        assertThat(SchemaDiff.between(on17, new SchemaSnapshot("17.2", List.of(JOBS))).notes()).isEmpty();
    }

    @Test
    void aSnapshotRejectsTwoObjectsWithOneKey() {
        assertThatThrownBy(() -> snapshot(JOBS, SchemaObject.of(ObjectKind.TABLE, "public.jobs", Map.of("x", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table public.jobs");
    }

    @Test
    void aDifferenceMustFitItsSides() {
        assertThatThrownBy(() -> new ObjectDifference(ObjectKind.TABLE, "public.jobs", ObjectDifference.Change.MISSING,
                Optional.empty(), Optional.of(JOBS), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ObjectDifference.of(Optional.of(JOBS), Optional.of(JOBS))).isEmpty();
    }
}
