package dev.strata.migrations.resolve;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a script's bytes into the normalised text that is checksummed and executed: strict UTF-8, no byte order
 * mark, LF line endings. Normalising first is what keeps a Windows checkout (CRLF) or an editor's BOM from
 * looking like an edit (sqlx #2659, Flyway #1377).
 */
final class ScriptText {
    private ScriptText() {
    }

    /** Thrown with the byte offset of the first invalid UTF-8 sequence, or of a character SQL text cannot hold. */
    static final class InvalidEncodingException extends Exception {
        private final long byteOffset;
        private final String problem;

        InvalidEncodingException(long byteOffset) {
            super("not valid UTF-8 at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
            this.problem = "is not valid UTF-8: invalid byte sequence at byte offset " + byteOffset;
        }

        private InvalidEncodingException(long byteOffset, String problem) {
            super(problem);
            this.byteOffset = byteOffset;
            this.problem = problem;
        }

        long byteOffset() {
            return byteOffset;
        }

        /** What is wrong, as the end of a sentence starting with the file's name. */
        String problem() {
            return problem;
        }
    }

    static String normalise(byte[] bytes) throws InvalidEncodingException {
        if (hasUtf16Bom(bytes)) {
            throw new InvalidEncodingException(0, "is UTF-16, not UTF-8: it starts with the byte order mark "
                    + String.format(Locale.ROOT, "%02X %02X", bytes[0] & 0xFF, bytes[1] & 0xFF));
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        // Most scripts are ASCII, which is valid UTF-8 as it is: a plain copy, no decoder (10,000 files per validate).
        String text = isAscii(bytes, start) ? new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII)
                : decodeStrictly(bytes, start);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            // PostgreSQL rejects a NUL anywhere in SQL text; pgjdbc would report a protocol error instead of the line.
            int line = (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw new InvalidEncodingException(start + text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length,
                    "contains a NUL character (byte 0) on line " + line + ", which SQL text cannot hold");
        }
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

    /** FF FE or FE FF: an editor's "Unicode" (UTF-16); its ASCII would otherwise show up as NUL bytes. */
    private static boolean hasUtf16Bom(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
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
