package com.example.platform;

import com.example.platform.schema.SchemaVersion;
import dev.strata.api.SchemaGuard;
import dev.strata.api.SchemaMigration;
import dev.strata.api.SchemaMismatchException;
import dev.strata.testing.MigratedDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated descriptor lists every migration of this module, and the guard checks a database against it. */
@MigratedDatabase
class SchemaVersionTest {
    private static final String REPEATABLE = "R__job_reporting_views.sql";

    @Test
    void theDescriptorRecordsEveryMigration() {
        SchemaVersion schema = SchemaVersion.INSTANCE;
        assertThat(schema.latestVersion()).contains("12");
        assertThat(schema.fingerprint()).matches("sha256:[0-9a-f]{64}");
        assertThat(schema.generator()).startsWith("jOOQ ");
        assertThat(schema.migrations()).hasSize(13)
                .allSatisfy(m -> assertThat(m.checksum()).matches("sha256:[0-9a-f]{64}"));
        assertThat(schema.migrations().get(11))
                .isEqualTo(new SchemaMigration.Versioned("12", "V12__add_file_garbage_collection_markers.sql",
                        schema.migrations().get(11).checksum()));
        assertThat(schema.migrations().get(12)).isInstanceOfSatisfying(SchemaMigration.Repeatable.class,
                repeatable -> assertThat(repeatable.script()).isEqualTo(REPEATABLE));
    }

    @Test
    void theGuardAcceptsTheMigratedDatabaseAndRejectsOneBehindIt(DataSource dataSource, DSLContext dsl) {
        assertThatCode(() -> SchemaGuard.verify(dataSource, SchemaVersion.INSTANCE)).doesNotThrowAnyException();

        dsl.execute("delete from strata_schema_history where version = '12'");

        assertThatThrownBy(() -> SchemaGuard.verify(dataSource, SchemaVersion.INSTANCE))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessage("the database does not match this build's schema (version 12,"
                        + " com.example.platform.schema.SchemaVersion):\n  behind: 1 migration pending: 12"
                        + " (V12__add_file_garbage_collection_markers.sql)");
    }
}
