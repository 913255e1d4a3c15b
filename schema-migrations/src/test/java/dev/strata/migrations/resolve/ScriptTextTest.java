package dev.strata.migrations.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.migrations.core.Checksum;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptTextTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof byte[] raw) {
                out.writeBytes(raw);
            } else if (part instanceof Integer b) {
                out.write(b);
            } else {
                throw new IllegalArgumentException(String.valueOf(part));
            }
        }
        return out.toByteArray();
    }

    private static String normalise(byte[] content) throws ScriptText.InvalidEncodingException {
        return ScriptText.normalise(content);
    }

    private static long invalidOffset(byte[] content) {
        ScriptText.InvalidEncodingException e =
                catchThrowableOfType(ScriptText.InvalidEncodingException.class, () -> ScriptText.normalise(content));
        assertThat(e).as("expected invalid UTF-8 to be rejected").isNotNull();
        assertThat(e.getMessage()).isEqualTo("not valid UTF-8 at byte offset " + e.byteOffset());
        return e.byteOffset();
    }

    @Test
    void plainUtf8IsDecodedUnchanged() throws Exception {
        assertThat(normalise(bytes("SELECT 'héllo ✓ 🐘';\n"))).isEqualTo("SELECT 'héllo ✓ 🐘';\n");
        assertThat(normalise(new byte[0])).isEmpty();
    }

    @Test
    void byteOrderMarkIsStripped() throws Exception {
        assertThat(normalise(bytes(BOM, "SELECT 1;\n"))).isEqualTo("SELECT 1;\n");
        assertThat(normalise(BOM)).isEmpty();
    }

    @Test
    void onlyALeadingByteOrderMarkIsStripped() throws Exception {
        assertThat(normalise(bytes("SELECT 1;", BOM))).isEqualTo("SELECT 1;\uFEFF");
    }

    @Test
    void crlfBecomesLf() throws Exception {
        assertThat(normalise(bytes("SELECT 1;\r\nSELECT 2;\r\n"))).isEqualTo("SELECT 1;\nSELECT 2;\n");
    }

    @Test
    void loneCarriageReturnIsKept() throws Exception {
        assertThat(normalise(bytes("a\rb\r\n"))).isEqualTo("a\rb\n");
    }

    @Test
    void lfCrlfAndBomPlusCrlfVariantsHaveTheSameChecksum() throws Exception {
        String lf = "-- create\nCREATE TABLE t (\n  id int\n);\n";
        String crlf = lf.replace("\n", "\r\n");
        String viaLf = normalise(bytes(lf));
        String viaCrlf = normalise(bytes(crlf));
        String viaBomCrlf = normalise(bytes(BOM, crlf));
        String viaBomLf = normalise(bytes(BOM, lf));
        assertThat(viaCrlf).isEqualTo(viaLf);
        assertThat(viaBomCrlf).isEqualTo(viaLf);
        assertThat(viaBomLf).isEqualTo(viaLf);
        assertThat(Checksum.of(viaCrlf)).isEqualTo(Checksum.of(viaLf));
        assertThat(Checksum.of(viaBomCrlf)).isEqualTo(Checksum.of(viaLf));
    }

    @Test
    void invalidByteIsReportedAtItsOffset() {
        assertThat(invalidOffset(bytes("abc", 0xFF))).isEqualTo(3);
        assertThat(invalidOffset(bytes(0xFF))).isZero();
        assertThat(invalidOffset(bytes("abc", 0xFF, "def"))).isEqualTo(3);
    }

    @Test
    void offsetCountsBytesNotCharacters() {
        // "é" is two bytes and "🐘" four: the bad byte is the 1 + 2 + 4 = 7th byte
        assertThat(invalidOffset(bytes("aé🐘", 0xC0, "z"))).isEqualTo(7);
    }

    @Test
    void offsetPointsAtTheStartOfATruncatedSequence() {
        // E2 82 AC is "€"; cut off after two bytes, before an ASCII byte and at the end of the file
        assertThat(invalidOffset(bytes("ab", 0xE2, 0x82, "c"))).isEqualTo(2);
        assertThat(invalidOffset(bytes("ab", 0xE2, 0x82))).isEqualTo(2);
    }

    @Test
    void overlongEncodingAndSurrogatesAreRejected() {
        assertThat(invalidOffset(bytes("x", 0xC0, 0xAF))).isEqualTo(1);            // overlong "/"
        assertThat(invalidOffset(bytes("xy", 0xED, 0xA0, 0x80))).isEqualTo(2);    // encoded surrogate U+D800
    }

    @Test
    void offsetWithByteOrderMarkCountsFromTheStartOfTheFile() {
        // The file is EF BB BF 'a' 'b' 'c' FF: the bad byte is at offset 6 in the file.
        assertThat(invalidOffset(bytes(BOM, "abc", 0xFF))).isEqualTo(6);
        assertThat(invalidOffset(bytes(BOM, 0xFF))).isEqualTo(3);
    }

    @Test
    void utf16IsNamedByItsByteOrderMark() {
        for (int[] mark : new int[][] {{0xFF, 0xFE}, {0xFE, 0xFF}}) {
            ScriptText.InvalidEncodingException e = catchThrowableOfType(ScriptText.InvalidEncodingException.class,
                    () -> normalise(bytes(mark[0], mark[1], "s", 0, "e", 0)));
            assertThat(e.problem()).isEqualTo("is UTF-16, not UTF-8: it starts with the byte order mark "
                    + String.format("%02X %02X", mark[0], mark[1]));
            assertThat(e.byteOffset()).isZero();
        }
    }

    @Test
    void aNulCharacterIsRejectedWithItsLineAndByteOffset() {
        ScriptText.InvalidEncodingException e = catchThrowableOfType(ScriptText.InvalidEncodingException.class,
                () -> normalise(bytes(BOM, "select 1;\nselect 'é", 0, "';\n")));
        assertThat(e.problem()).isEqualTo("contains a NUL character (byte 0) on line 2, which SQL text cannot hold");
        assertThat(e.byteOffset()).isEqualTo(3 + "select 1;\nselect 'é".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aBrokenByteOrderMarkIsAnEncodingErrorAtOffsetZero() {
        assertThat(invalidOffset(bytes(0xEF, 0xBB, "abc"))).isZero();
    }
}
