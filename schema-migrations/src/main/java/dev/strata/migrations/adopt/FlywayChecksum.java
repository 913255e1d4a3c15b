package dev.strata.migrations.adopt;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration, recomputed from a file's text.
 *
 * <p>Flyway reads the file line by line (a line ends at {@code \n}, {@code \r} or {@code \r\n}), strips a byte order
 * mark from the first line, and feeds each line's UTF-8 bytes, without its line ending, into one CRC32; the history
 * table stores the CRC32 as a signed 32-bit integer. Feeding lines one after the other is the same as feeding their
 * concatenation, so the checksum is the CRC32 of the text with every line break removed. Strata's resolved content
 * has the BOM stripped already; removing the breaks here makes the result independent of the file's line endings,
 * as Flyway's is.
 */
public final class FlywayChecksum {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FlywayChecksum() {
    }

    /** Flyway's checksum of {@code text}, as its history table stores it. */
    public static int of(String text) {
        int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        StringBuilder withoutBreaks = new StringBuilder(text.length());
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                withoutBreaks.append(c);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(withoutBreaks.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
