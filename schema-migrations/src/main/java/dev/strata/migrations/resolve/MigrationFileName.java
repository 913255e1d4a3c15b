package dev.strata.migrations.resolve;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Version;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule for migration files, and why a name breaks it: versioned migrations
 * {@code V<version>__<description>.sql}, their undo files {@code U<version>__<description>.sql}, and repeatable
 * migrations {@code R__<description>.sql}.
 */
final class MigrationFileName {
    static final String EXPECTED = "V<version>__<description>.sql (e.g. V3__add_job_events.sql),"
            + " or R__<description>.sql for a repeatable migration";

    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(\\w[\\w .-]*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(\\w[\\w .-]*)\\.sql");

    enum Kind {
        VERSIONED, UNDO, REPEATABLE
    }

    /** @param id the version, or, for a repeatable file, which has none, the file name */
    record Parsed(Kind kind, MigrationId id, String description) {
        Parsed {
            requireFitting(kind, id);
        }
    }

    private MigrationFileName() {
    }

    /** A repeatable file is known by its name, a migration and its undo file by their version. */
    static void requireFitting(Kind kind, MigrationId id) {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REPEATABLE) != (id instanceof MigrationId.Repeatable)) {
            throw new IllegalArgumentException("a " + kind + " file cannot be known by " + id);
        }
    }

    static Optional<Parsed> parse(String fileName) {
        Matcher repeatable = REPEATABLE.matcher(fileName);
        if (repeatable.matches()) {
            return Optional.of(new Parsed(Kind.REPEATABLE, new MigrationId.Repeatable(fileName),
                    describe(repeatable.group(1))));
        }
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = matcher.group(1).equals("U") ? Kind.UNDO : Kind.VERSIONED;
        return Optional.of(new Parsed(kind, new MigrationId.Versioned(Version.parse(matcher.group(2))),
                describe(matcher.group(3))));
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').strip();
    }

    /** A specific reason a {@code .sql} file name does not match, to put in the error. */
    static String explainMismatch(String fileName) {
        if (!fileName.endsWith(".sql")) {
            return "the extension must be a lower-case .sql";
        }
        if (fileName.startsWith("v") && Character.isDigit(fileName.length() > 1 ? fileName.charAt(1) : 'x')) {
            return "the prefix must be an upper-case V";
        }
        if (fileName.startsWith("r__")) {
            return "the prefix of a repeatable migration must be an upper-case R";
        }
        if (fileName.startsWith("R")) {
            return fileName.startsWith("R__")
                    ? "the description after R__ is empty or holds characters other than letters, digits, _, -, . and spaces"
                    : "a repeatable migration has no version: R__<description>.sql";
        }
        if (fileName.startsWith("u") && Character.isDigit(fileName.length() > 1 ? fileName.charAt(1) : 'x')) {
            return "the prefix of an undo file must be an upper-case U";
        }
        if (!fileName.startsWith("V") && !fileName.startsWith("U")) {
            return "it does not start with V (or U for an undo file, R__ for a repeatable one)";
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
