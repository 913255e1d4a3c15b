package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code <version>_<description>} stem the other tools share, and why a name misses it. */
final class ToolFileName {
    private static final Pattern STEM = Pattern.compile("(\\d+)_(\\w[\\w .-]*)");

    /** A stem's parts. */
    record Stem(Version version, String description) {
    }

    private ToolFileName() {
    }

    /** Parses {@code 20240101120000_create_users}; empty when the stem does not fit. */
    static Optional<Stem> parseStem(String stem) {
        Matcher matcher = STEM.matcher(stem);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Stem(Version.parse(matcher.group(1)),
                matcher.group(2).replace('_', ' ').strip()));
    }

    /** Why {@code stem} is not {@code <version>_<description>}. */
    static String explainStem(String stem) {
        int separator = stem.indexOf('_');
        if (separator <= 0) {
            return "it does not start with <version>_ (digits, then an underscore)";
        }
        String version = stem.substring(0, separator);
        if (!version.chars().allMatch(Character::isDigit)) {
            return "'" + version + "' is not a version (digits only)";
        }
        if (separator + 1 >= stem.length()) {
            return "the description after the version is empty";
        }
        return "the description may hold only letters, digits, _, -, . and spaces";
    }

    /** The file name without a final {@code suffix}, or the name itself when it does not end so. */
    static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
