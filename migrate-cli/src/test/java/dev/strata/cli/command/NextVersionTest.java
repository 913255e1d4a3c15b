package dev.strata.cli.command;

import dev.strata.migrations.core.Version;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NextVersionTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static String after(String latestAsWritten, String highest) {
        return NextVersion.after(Optional.ofNullable(latestAsWritten), Optional.ofNullable(highest).map(Version::parse),
                NOW);
    }

    @Test
    void theFirstFileIsVersion1() {
        assertThat(after(null, null)).isEqualTo("1");
    }

    @Test
    void integersCountOnKeepingZeroPadding() {
        assertThat(after("7", "7")).isEqualTo("8");
        assertThat(after("9", "9")).isEqualTo("10");
        assertThat(after("007", "7")).isEqualTo("008");
        assertThat(after("099", "99")).isEqualTo("100");
    }

    @Test
    void dottedVersionsGoToTheNextMajorInTheSameShape() {
        assertThat(after("1.2", "1.2")).isEqualTo("2.0");
        assertThat(after("2_1", "2.1")).isEqualTo("3_0");
        assertThat(after("1.2.3", "1.2.3")).isEqualTo("2.0.0");
    }

    @Test
    void timestampsAreTheCurrentUtcTime() {
        assertThat(after("20200101000000", "20200101000000")).isEqualTo("20260304050607");
    }

    @Test
    void aTimestampNotPastTheHighestVersionBecomesTheHighestPlusOne() {
        assertThat(after("20260304050607", "20260304050607")).isEqualTo("20260304050608");
        assertThat(after("20991231235959", "20991231235959")).isEqualTo("20991231235960");
    }

    @Test
    void theStyleComesFromTheTargetDirectoryAndTheNumberFromEveryLocation() {
        assertThat(after("3", "12")).as("a classpath location holds up to 12").isEqualTo("13");
        assertThat(after(null, "12")).as("empty target directory: the style of the other locations").isEqualTo("13");
        assertThat(after("3", "12.5")).isEqualTo("13");
    }
}
