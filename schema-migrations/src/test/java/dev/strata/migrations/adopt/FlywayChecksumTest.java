package dev.strata.migrations.adopt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayChecksumTest {
    /** CRC32 of "123456789" is 0xCBF43926, the standard check value; Flyway stores it as a signed int. */
    private static final int CHECK_VALUE = (int) 0xCBF43926L;

    @Test
    void isTheSignedCrc32OfTheTextWithoutLineBreaks() {
        assertThat(FlywayChecksum.of("123456789")).isEqualTo(CHECK_VALUE).isEqualTo(-873187034);
        assertThat(FlywayChecksum.of("12345\n6789\n")).isEqualTo(CHECK_VALUE);
    }

    @Test
    void ignoresLineEndingsAndALeadingByteOrderMarkAsFlywayDoes() {
        assertThat(FlywayChecksum.of("12345\r\n6789\r\n")).isEqualTo(CHECK_VALUE);
        assertThat(FlywayChecksum.of("1234\r56789")).isEqualTo(CHECK_VALUE);
        assertThat(FlywayChecksum.of("\uFEFF123456789\n")).isEqualTo(CHECK_VALUE);
    }

    @Test
    void anyOtherCharacterChangesIt() {
        assertThat(FlywayChecksum.of("12345 6789")).isNotEqualTo(CHECK_VALUE);
        assertThat(FlywayChecksum.of("123456789\uFEFF")).isNotEqualTo(CHECK_VALUE);
    }
}
