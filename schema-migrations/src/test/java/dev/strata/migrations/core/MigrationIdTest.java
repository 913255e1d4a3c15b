package dev.strata.migrations.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MigrationIdTest {

    private static MigrationId versioned(String version) {
        return new MigrationId.Versioned(Version.parse(version));
    }

    private static MigrationId repeatable(String script) {
        return new MigrationId.Repeatable(script);
    }

    private static List<MigrationId> sorted(VersionOrder order, MigrationId... ids) {
        List<MigrationId> list = new ArrayList<>(List.of(ids));
        list.sort(MigrationId.order(order));
        return list;
    }

    @Nested
    class Ordering {
        @Test
        void versionedMigrationsComeBeforeRepeatableOnesWhateverTheInputOrder() {
            assertThat(sorted(VersionOrder.NUMERIC, repeatable("R__views.sql"), versioned("2"),
                    repeatable("R__functions.sql"), versioned("1")))
                    .containsExactly(versioned("1"), versioned("2"), repeatable("R__functions.sql"),
                            repeatable("R__views.sql"));
        }

        @Test
        void versionsFollowTheOrderOfTheLayouts() {
            assertThat(sorted(VersionOrder.NUMERIC, versioned("10"), versioned("9"), versioned("1.1")))
                    .containsExactly(versioned("1.1"), versioned("9"), versioned("10"));
            assertThat(sorted(VersionOrder.STRING, versioned("10"), versioned("9"), versioned("1.1")))
                    .containsExactly(versioned("1.1"), versioned("10"), versioned("9"));
        }

        @Test
        void repeatableMigrationsRunInFileNameOrder() {
            assertThat(sorted(VersionOrder.STRING, repeatable("R__b.sql"), repeatable("R__a.sql"),
                    repeatable("R__B.sql")))
                    .containsExactly(repeatable("R__B.sql"), repeatable("R__a.sql"), repeatable("R__b.sql"));
        }

        @Test
        void theDefaultOrderComparesVersionsAsNumbers() {
            assertThat(MigrationId.ORDER.compare(versioned("9"), versioned("10"))).isNegative();
            assertThat(MigrationId.ORDER.compare(repeatable("R__a.sql"), versioned("10"))).isPositive();
            assertThat(MigrationId.ORDER.compare(versioned("1.0"), versioned("1"))).isZero();
        }
    }

    @Nested
    class Wording {
        @Test
        void aVersionedMigrationIsNamedByItsVersionAsWritten() {
            assertThat(versioned("3").describe()).isEqualTo("version 3");
            assertThat(versioned("2_1").describe()).isEqualTo("version 2.1");
            assertThat(versioned("0003").describe()).isEqualTo("version 0003");
        }

        @Test
        void aRepeatableMigrationIsNamedRepeatableWithoutItsFileName() {
            assertThat(repeatable("R__views.sql").describe()).isEqualTo("repeatable");
        }

        @Test
        void onlyAVersionedMigrationHasAVersionNumber() {
            assertThat(versioned("3").versionNumber()).contains(Version.parse("3"));
            assertThat(repeatable("R__views.sql").versionNumber()).isEmpty();
        }
    }

    @Nested
    class Equality {
        @Test
        void versionsEqualAsNumbersAreOneIdentity() {
            assertThat(versioned("1.0")).isEqualTo(versioned("1")).hasSameHashCodeAs(versioned("1"));
            assertThat(versioned("1.1")).isNotEqualTo(versioned("1.10"));
        }

        @Test
        void repeatableMigrationsAreTheSameWhenTheirFileNamesAre() {
            assertThat(repeatable("R__views.sql")).isEqualTo(repeatable("R__views.sql"))
                    .isNotEqualTo(repeatable("R__Views.sql"));
        }

        @Test
        void aRepeatableIsNeverAVersion() {
            assertThat(repeatable("R__1.sql")).isNotEqualTo(versioned("1"));
        }

        @Test
        void neitherTakesANullPart() {
            assertThatThrownBy(() -> new MigrationId.Versioned(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("version");
            assertThatThrownBy(() -> new MigrationId.Repeatable(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("script");
        }
    }

    @Nested
    class InAHistoryRow {
        private HistoryRow row(MigrationId id, MigrationType type, String script) {
            return new HistoryRow(1, id, "d", type, script, "sha256:00", "strata", null, 0, true);
        }

        @Test
        void onlyARepeatableRowIsKnownByItsFileName() {
            assertThat(row(repeatable("R__views.sql"), MigrationType.REPEATABLE, "R__views.sql").id())
                    .isEqualTo(repeatable("R__views.sql"));
            assertThatThrownBy(() -> row(repeatable("R__views.sql"), MigrationType.SQL, "R__views.sql"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a REPEATABLE row");
            assertThatThrownBy(() -> row(versioned("1"), MigrationType.REPEATABLE, "R__views.sql"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a REPEATABLE row");
        }

        @Test
        void aRepeatableRowIsKnownByItsOwnFileName() {
            assertThatThrownBy(() -> row(repeatable("R__other.sql"), MigrationType.REPEATABLE, "R__views.sql"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R__other.sql");
        }
    }
}
