package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.VersionOrder;

import java.util.Optional;

/**
 * diesel: one directory per migration, {@code <version>_<name>/up.sql} and {@code down.sql}; the version is the
 * directory name's part before the first underscore, dashes and all ({@code 2024-01-05-093000}), compared as a
 * string, as diesel does. Strata's version drops the dashes ({@code 20240105093000}). diesel runs each file in a
 * transaction, as Strata does; a file that must not say so with {@code -- strata:transaction=false} (Strata does not
 * read diesel's metadata.toml).
 */
final class DieselRules implements LayoutRules {

    @Override
    public Layout layout() {
        return Layout.DIESEL;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.STRING;
    }

    @Override
    public String expected() {
        return "<version>_<name>/up.sql and <version>_<name>/down.sql (e.g. 2024-01-05-093000_add_users/up.sql)";
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        MigrationFileName.Kind kind = switch (file.name()) {
            case "up.sql" -> MigrationFileName.Kind.VERSIONED;
            case "down.sql" -> MigrationFileName.Kind.UNDO;
            default -> null;
        };
        String directory = directory(file);
        if (kind == null || directory.isEmpty()) {
            return Optional.empty();
        }
        int separator = directory.indexOf('_');
        if (separator <= 0 || !directory.substring(0, separator).matches("\\d[\\d-]*")) {
            return Optional.empty();
        }
        String stem = directory.substring(0, separator).replace("-", "") + directory.substring(separator);
        return ToolFileName.parseStem(stem).map(parsed -> FileName.versioned(kind, parsed.version(),
                parsed.description(), directory + "/" + file.name()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        if (!file.name().equals("up.sql") && !file.name().equals("down.sql")) {
            return "diesel's files are named up.sql and down.sql, in a directory per migration";
        }
        String directory = directory(file);
        return directory.isEmpty() ? "it is not in a <version>_<name> directory"
                : "its directory '" + directory + "': " + ToolFileName.explainStem(directory.replace("-", ""));
    }

    /** The name of the directory holding the file, from its path; empty at a location's root. */
    private static String directory(ScriptFile file) {
        String path = file.path();
        int end = path.length() - file.name().length() - 1;
        if (end <= 0) {
            return "";
        }
        int start = path.lastIndexOf('/', end - 1) + 1;
        String directory = path.substring(start, end);
        return directory.contains(":") ? "" : directory;
    }
}
