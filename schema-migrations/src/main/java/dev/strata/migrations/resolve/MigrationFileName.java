package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule for versioned migrations, {@code V<version>__<description>.sql}, and their undo files,
 * {@code U<version>__<description>.sql}, and why a name breaks it.
 */
final class MigrationFileName {
    static final String EXPECTED = "V<version>__<description>.sql (e.g. V3__add_job_events.sql)";

    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(\\w[\\w .-]*)\\.sql");

    /** @param undo true for a {@code U} file, which undoes the {@code V} file of the same version */
    record Parsed(Version version, String description, boolean undo) {
    }

    private MigrationFileName() {
    }

    static Optional<Parsed> parse(String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String description = matcher.group(3).replace('_', ' ').strip();
        return Optional.of(new Parsed(Version.parse(matcher.group(2)), description, matcher.group(1).equals("U")));
    }

    /** A specific reason a {@code .sql} file name does not match, to put in the error. */
    static String explainMismatch(String fileName) {
        if (!fileName.endsWith(".sql")) {
            return "the extension must be a lower-case .sql";
        }
        if (fileName.startsWith("v") && Character.isDigit(fileName.length() > 1 ? fileName.charAt(1) : 'x')) {
            return "the prefix must be an upper-case V";
        }
        if (fileName.startsWith("R__")) {
            return "repeatable (R__) migrations are not supported by this version of Strata";
        }
        if (fileName.startsWith("u") && Character.isDigit(fileName.length() > 1 ? fileName.charAt(1) : 'x')) {
            return "the prefix of an undo file must be an upper-case U";
        }
        if (!fileName.startsWith("V") && !fileName.startsWith("U")) {
            return "it does not start with V (or U for an undo file)";
        }
        int separator = fileName.indexOf("__");
        if (separator < 0) {
            return "the version and the description must be separated by two underscores";
        }
        String version = fileName.substring(1, separator);
        if (!Version.isValid(version)) {
            return "'" + version + "' is not a version (digit groups separated by . or _)";
        }
        if (separator + 2 >= fileName.length() - ".sql".length()) {
            return "the description after __ is empty";
        }
        return "the description may hold only letters, digits, _, -, . and spaces";
    }
}
