package dev.strata.migrations.adopt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The checksums other tools record of a file, recomputed exactly as each tool computes it. */
public enum ChecksumAlgorithm {
    /** Flyway's CRC32 of the file's lines ({@link FlywayChecksum}), as a signed integer in decimal. */
    FLYWAY_CRC32("CRC32") {
        @Override
        public String of(String text, byte[] stored) {
            return Integer.toString(FlywayChecksum.of(text));
        }

        @Override
        String display(String value) {
            return value;
        }
    },
    /**
     * sqlx's SHA-384 of the file as stored: it reads the file into a string unchanged (a byte order mark and CRLF
     * line endings included) and digests its UTF-8 bytes. Lower-case hex.
     */
    SQLX_SHA384("SHA-384") {
        @Override
        public String of(String text, byte[] stored) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(stored));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime provides SHA-384", e);
            }
        }

        @Override
        String display(String value) {
            // The first 16 hex digits tell two files apart in a message; the full value is in the tool's table.
            return value.length() > 16 ? value.substring(0, 16) + "…" : value;
        }
    };

    private final String label;

    ChecksumAlgorithm(String label) {
        this.label = label;
    }

    /**
     * The checksum of a file.
     *
     * @param text   Strata's normalised text of the file (no byte order mark, LF line endings)
     * @param stored the file's bytes as stored
     */
    public abstract String of(String text, byte[] stored);

    /** A checksum as messages show it. */
    abstract String display(String value);

    /** The checksum's name in messages, e.g. {@code CRC32}. */
    public String label() {
        return label;
    }
}
