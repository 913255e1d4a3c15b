package dev.strata.migrations.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumTest {

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ofIsSha256OfTheEmptyString() {
        assertThat(Checksum.of("")).hasToString(
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void ofIsSha256OverUtf8() throws Exception {
        String text = "SELECT 'héllo ✓ 🐘';\n";
        Checksum checksum = Checksum.of(text);
        assertThat(checksum.algorithm()).isEqualTo(Checksum.Algorithm.SHA256);
        assertThat(checksum.hex()).isEqualTo(sha256Hex(text)).hasSize(64).matches("[0-9a-f]{64}");
        // Known value, so a change of encoding (e.g. to the platform default or UTF-16) fails the test.
        assertThat(Checksum.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void differentContentGivesDifferentChecksums() {
        assertThat(Checksum.of("SELECT 1;")).isNotEqualTo(Checksum.of("SELECT 2;"));
        assertThat(Checksum.of("SELECT 1;")).isEqualTo(Checksum.of("SELECT 1;"));
    }

    @Test
    void parseAndToStringRoundTrip() {
        Checksum original = Checksum.of("CREATE TABLE t (id int);");
        String stored = original.toString();
        assertThat(stored).startsWith("sha256:").hasSize("sha256:".length() + 64);
        Checksum parsed = Checksum.parse(stored);
        assertThat(parsed).isEqualTo(original);
        assertThat(parsed.toString()).isEqualTo(stored);
    }

    @Test
    void shortFormShowsTagAndTwelveHexDigits() {
        Checksum checksum = Checksum.of("abc");
        assertThat(checksum.shortForm()).isEqualTo("sha256:ba7816bf8f01");
        assertThat(new Checksum(Checksum.Algorithm.SHA256, "abc").shortForm()).isEqualTo("sha256:abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5:900150983cd24fb0d6963f7d28e17f72", "abc", "", ":abc", "SHA256:abc", "sha1:abc",
            "crc32:12345"})
    void parseRejectsUnknownFormatsHelpfully(String stored) {
        assertThatThrownBy(() -> Checksum.parse(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown checksum format")
                .hasMessageContaining("'" + stored.substring(0, Math.min(20, stored.length())))
                .hasMessageContaining("expected <algorithm>:<hex>")
                .hasMessageContaining("sha256")
                .hasMessageContaining("newer Strata");
    }

    @Test
    void parseAbbreviatesLongUnknownValues() {
        String stored = "md5:900150983cd24fb0d6963f7d28e17f72";
        assertThatThrownBy(() -> Checksum.parse(stored))
                .hasMessageContaining("'md5:900150983cd24fb0…'")
                .hasMessageNotContaining(stored);
    }

    @Test
    void matchesComparesWithTheChecksumsOwnAlgorithm() {
        Checksum checksum = Checksum.of("SELECT 1;\n");
        assertThat(checksum.matches("SELECT 1;\n")).isTrue();
        assertThat(checksum.matches("SELECT 1;")).isFalse();
        assertThat(checksum.matches("SELECT 1;\r\n")).isFalse();
        assertThat(Checksum.parse(checksum.toString()).matches("SELECT 1;\n")).isTrue();
    }

    @Test
    void matchesIsFalseForACorruptHex() {
        assertThat(new Checksum(Checksum.Algorithm.SHA256, "deadbeef").matches("abc")).isFalse();
    }

    @Test
    void componentsAreRequired() {
        assertThatThrownBy(() -> new Checksum(null, "ab")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Checksum(Checksum.Algorithm.SHA256, null)).isInstanceOf(NullPointerException.class);
    }
}
