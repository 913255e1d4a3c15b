package dev.strata.migrations.resolve;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a script's bytes into the normalised text that is checksummed and executed: strict UTF-8, no byte order
 * mark, LF line endings. Normalising first is what keeps a Windows checkout (CRLF) or an editor's BOM from
 * looking like an edit (sqlx #2659, Flyway #1377).
 */
final class ScriptText {
    private ScriptText() {
    }

    /** Thrown with the byte offset of the first invalid UTF-8 sequence. */
    static final class InvalidEncodingException extends Exception {
        private final long byteOffset;

        InvalidEncodingException(long byteOffset) {
            super("not valid UTF-8 at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
        }

        long byteOffset() {
            return byteOffset;
        }
    }

    static String normalise(byte[] bytes) throws InvalidEncodingException {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        // Most scripts are ASCII, which is valid UTF-8 as it is: a plain copy, no decoder (10,000 files per validate).
        String text = isAscii(bytes, start) ? new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII)
                : decodeStrictly(bytes, start);
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    private static boolean isAscii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static String decodeStrictly(byte[] bytes, int start) throws InvalidEncodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidEncodingException(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new InvalidEncodingException(in.position());
        }
        out.flip();
        return out.toString();
    }

}
