package dev.strata.cli.command;

import dev.strata.migrations.core.Version;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The version of the next migration file, in the numbering style already in use, always above every existing
 * version (so the new file can never be out of order or a duplicate):
 * <ul>
 *   <li>timestamps, 14 digits {@code yyyyMMddHHmmss}: the current UTC time, or the highest version + 1 when the
 *       clock is not past it (two files in one second, or a clock behind a colleague's);</li>
 *   <li>dotted, {@code 1.2} or {@code 2_1}: the next major, written in the same shape: {@code 2.0}, {@code 3_0};</li>
 *   <li>integers: the highest + 1, keeping zero padding ({@code 007} → {@code 008}).</li>
 * </ul>
 */
final class NextVersion {
    private static final int TIMESTAMP_DIGITS = 14;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private NextVersion() {
    }

    /**
     * @param latestAsWritten the version of the newest file in the target directory as its name writes it, which
     *                        shows the style; empty when the directory has none
     * @param highest         the highest version in all configured locations
     */
    static String after(Optional<String> latestAsWritten, Optional<Version> highest, Instant now) {
        Optional<String> style = latestAsWritten.or(() -> highest.map(Version::toString));
        if (style.isEmpty()) {
            return "1";
        }
        String pattern = style.get();
        BigInteger nextMajor = highest.map(version -> version.parts().get(0)).orElse(BigInteger.ZERO).add(BigInteger.ONE);
        if (pattern.length() == TIMESTAMP_DIGITS && pattern.chars().allMatch(Character::isDigit)) {
            String timestamp = TIMESTAMP.format(now);
            boolean ahead = highest.map(version -> Version.parse(timestamp).compareTo(version) > 0).orElse(true);
            return ahead ? timestamp : nextMajor.toString();
        }
        int separator = indexOfSeparator(pattern);
        if (separator >= 0) {
            int groups = pattern.split("[._]").length;
            return nextMajor + (pattern.charAt(separator) + "0").repeat(groups - 1);
        }
        String number = nextMajor.toString();
        boolean padded = pattern.length() > 1 && pattern.startsWith("0");
        return padded && number.length() < pattern.length() ? "0".repeat(pattern.length() - number.length()) + number
                : number;
    }

    private static int indexOfSeparator(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '.' || pattern.charAt(i) == '_') {
                return i;
            }
        }
        return -1;
    }
}
