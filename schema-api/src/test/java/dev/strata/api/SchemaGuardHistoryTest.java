package dev.strata.api;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard reads the history as the engine does: each version by its last row, so an undone version is pending
 * again, and a baseline stands for every version up to it.
 */
class SchemaGuardHistoryTest {
    private static final SchemaDescriptor EXPECTED = new Listed(List.of(
            new SchemaMigration.Versioned("1", "V1__a.sql", "sha256:aa"),
            new SchemaMigration.Versioned("2", "V2__b.sql", "sha256:bb"),
            new SchemaMigration.Versioned("3", "V3__c.sql", "sha256:cc")));

    /** A descriptor that lists the given migrations, as generated code would. */
    private record Listed(List<SchemaMigration> migrations) implements SchemaDescriptor {
        @Override
        public String fingerprint() {
            return "sha256:00";
        }

        @Override
        public Optional<String> latestVersion() {
            return Optional.of("3");
        }

        @Override
        public String generator() {
            return "hand-written";
        }
    }

    private static HistoryRow row(int rank, String version, MigrationType type, String script, String checksum) {
        return new HistoryRow(rank, new MigrationId.Versioned(Version.parse(version)), "d", type, script, checksum,
                "me",
                OffsetDateTime.now(), 1, true);
    }

    @Test
    void anUndoneVersionIsPendingAgain() {
        SchemaComparison comparison = SchemaGuard.compare(EXPECTED, List.of(
                row(1, "1", MigrationType.SQL, "V1__a.sql", "sha256:aa"),
                row(2, "2", MigrationType.SQL, "V2__b.sql", "sha256:bb"),
                row(3, "3", MigrationType.SQL, "V3__c.sql", "sha256:cc"),
                row(4, "3", MigrationType.UNDO, "U3__c.sql", "sha256:u3")));

        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.pending()).extracting(SchemaMigration::script).containsExactly("V3__c.sql");
        assertThat(comparison.drifted()).isEmpty();
        assertThat(comparison.unknown()).isEmpty();
    }

    @Test
    void aVersionUndoneThenAppliedAgainMatches() {
        SchemaComparison comparison = SchemaGuard.compare(EXPECTED, List.of(
                row(1, "1", MigrationType.SQL, "V1__a.sql", "sha256:aa"),
                row(2, "2", MigrationType.SQL, "V2__b.sql", "sha256:old"),
                row(3, "2", MigrationType.UNDO, "U2__b.sql", "sha256:u2"),
                row(4, "2", MigrationType.SQL, "V2__b.sql", "sha256:bb"),
                row(5, "3", MigrationType.SQL, "V3__c.sql", "sha256:cc")));

        assertThat(comparison.matches()).isTrue();
    }

    @Test
    void aBaselineStandsForEveryVersionUpToIt() {
        SchemaComparison comparison = SchemaGuard.compare(EXPECTED, List.of(
                row(1, "2", MigrationType.BASELINE, "<< baseline >>", "none"),
                row(2, "3", MigrationType.SQL, "V3__c.sql", "sha256:cc")));

        assertThat(comparison.matches()).isTrue();
    }
}
