package dev.strata.migrations.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A script checksum tagged with its algorithm ({@code sha256:<hex>}).
 *
 * <p>The tag is stored with every history row so that a future change of algorithm compares old rows with the
 * algorithm they were written with, instead of reporting every applied file as edited (Flyway #2027, #1377).
 * The input is the normalised script text (no BOM, LF line endings), so a Windows checkout is not an edit.
 */
public record Checksum(Algorithm algorithm, String hex) {

    /** Checksum algorithms Strata can verify. Add, never change, an entry. */
    public enum Algorithm {
        SHA256("sha256", "SHA-256");

        private final String tag;
        private final String jcaName;
        /** Never handed out, only cloned; a race at most looks it up twice. */
        private volatile MessageDigest prototype;

        Algorithm(String tag, String jcaName) {
            this.tag = tag;
            this.jcaName = jcaName;
        }

        public String tag() {
            return tag;
        }

        String digest(String normalisedContent) {
            MessageDigest digest = newDigest();
            return HexFormat.of().formatHex(digest.digest(normalisedContent.getBytes(StandardCharsets.UTF_8)));
        }

        /** A clone of one looked-up instance: the provider lookup costs more than hashing a small script. */
        private MessageDigest newDigest() {
            try {
                MessageDigest prototype = this.prototype;
                if (prototype == null) {
                    prototype = MessageDigest.getInstance(jcaName);
                    this.prototype = prototype;
                }
                return (MessageDigest) prototype.clone();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(jcaName + " is required by every Java runtime", e);
            } catch (CloneNotSupportedException e) {
                try {
                    return MessageDigest.getInstance(jcaName);
                } catch (NoSuchAlgorithmException impossible) {
                    throw new IllegalStateException(jcaName + " is required by every Java runtime", impossible);
                }
            }
        }

        static Algorithm forTag(String tag) {
            for (Algorithm algorithm : values()) {
                if (algorithm.tag.equals(tag)) {
                    return algorithm;
                }
            }
            return null;
        }
    }

    public static final Algorithm CURRENT = Algorithm.SHA256;

    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
    }

    /** The current algorithm's checksum of normalised script text. */
    public static Checksum of(String normalisedContent) {
        return new Checksum(CURRENT, CURRENT.digest(normalisedContent));
    }

    /**
     * Parses a stored checksum such as {@code sha256:ab12…}.
     *
     * @throws IllegalArgumentException when the tag is unknown to this version of Strata
     */
    public static Checksum parse(String stored) {
        int colon = stored.indexOf(':');
        Algorithm algorithm = colon > 0 ? Algorithm.forTag(stored.substring(0, colon)) : null;
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown checksum format '" + abbreviate(stored)
                    + "': expected <algorithm>:<hex> with algorithm sha256; was this history written by a newer Strata?");
        }
        return new Checksum(algorithm, stored.substring(colon + 1));
    }

    /** True when the content hashes to this checksum with this checksum's own algorithm. */
    public boolean matches(String normalisedContent) {
        return hex.equals(algorithm.digest(normalisedContent));
    }

    /** A short form for messages: {@code sha256:1a2b3c4d}. */
    public String shortForm() {
        return algorithm.tag + ":" + hex.substring(0, Math.min(12, hex.length()));
    }

    @Override
    public String toString() {
        return algorithm.tag + ":" + hex;
    }

    // Written out: a record's generated equals and hashCode are linked through invokedynamic on first use, which
    // costs a cold JVM milliseconds per record type, and planning compares a checksum for every applied file.
    @Override
    public boolean equals(Object other) {
        return other instanceof Checksum that && algorithm == that.algorithm && hex.equals(that.hex);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + hex.hashCode();
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
