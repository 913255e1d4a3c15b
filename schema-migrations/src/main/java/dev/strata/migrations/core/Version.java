package dev.strata.migrations.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A migration version: digit groups separated by {@code .} or {@code _}, compared numerically part by part.
 * Trailing zero groups do not count, so {@code 1}, {@code 1.0} and {@code 1_0} are the same version (and therefore
 * duplicates when two files use them), which is what users of Flyway expect.
 */
public final class Version implements Comparable<Version> {
    private final List<BigInteger> parts;
    private final String text;

    private Version(List<BigInteger> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /** Parses a version such as {@code 1}, {@code 1.2}, {@code 2_1_3} or {@code 20241021142330}. */
    public static Version parse(String raw) {
        Objects.requireNonNull(raw, "version");
        if (!isValid(raw)) {
            throw new IllegalArgumentException("invalid version '" + raw
                    + "': expected digit groups separated by '.' or '_', e.g. 1, 1.2 or 20241021142330");
        }
        String[] groups = raw.split("[._]");
        List<BigInteger> numbers = new ArrayList<>(groups.length);
        for (String group : groups) {
            numbers.add(new BigInteger(group));
        }
        int significant = numbers.size();
        while (significant > 1 && numbers.get(significant - 1).signum() == 0) {
            significant--;
        }
        return new Version(List.copyOf(numbers.subList(0, significant)), raw.replace('_', '.'));
    }

    public static boolean isValid(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        boolean expectDigit = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                expectDigit = false;
            } else if ((c == '.' || c == '_') && !expectDigit) {
                expectDigit = true;
            } else {
                return false;
            }
        }
        return !expectDigit;
    }

    /** The version as written in the file name, with {@code _} shown as {@code .}. */
    @Override
    public String toString() {
        return text;
    }

    public List<BigInteger> parts() {
        return Collections.unmodifiableList(parts);
    }

    @Override
    public int compareTo(Version other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < length; i++) {
            BigInteger mine = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger theirs = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int result = mine.compareTo(theirs);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
