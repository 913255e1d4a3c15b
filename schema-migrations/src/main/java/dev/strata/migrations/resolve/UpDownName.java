package dev.strata.migrations.resolve;

import java.util.Optional;

/** {@code <version>_<description>[.up|.down].sql}, the names sqlx and golang-migrate write. */
record UpDownName(ToolFileName.Stem stem, MigrationFileName.Kind kind) {
    private static final String UP = ".up.sql";
    private static final String DOWN = ".down.sql";
    private static final String SQL = ".sql";

    /** @param plainAllowed whether a name without {@code .up}/{@code .down} is a migration (sqlx) or not */
    static Optional<UpDownName> parse(String fileName, boolean plainAllowed) {
        MigrationFileName.Kind kind;
        String stem;
        if (fileName.endsWith(UP)) {
            kind = MigrationFileName.Kind.VERSIONED;
            stem = ToolFileName.strip(fileName, UP);
        } else if (fileName.endsWith(DOWN)) {
            kind = MigrationFileName.Kind.UNDO;
            stem = ToolFileName.strip(fileName, DOWN);
        } else if (plainAllowed && fileName.endsWith(SQL)) {
            kind = MigrationFileName.Kind.VERSIONED;
            stem = ToolFileName.strip(fileName, SQL);
        } else {
            return Optional.empty();
        }
        return ToolFileName.parseStem(stem).map(parsed -> new UpDownName(parsed, kind));
    }

    static String explain(String fileName) {
        if (!fileName.endsWith(SQL)) {
            return "the extension must be a lower-case .sql";
        }
        String stem = ToolFileName.strip(ToolFileName.strip(ToolFileName.strip(fileName, UP), DOWN), SQL);
        return ToolFileName.explainStem(stem);
    }

    LayoutRules.FileName toFileName(String script) {
        return LayoutRules.FileName.versioned(kind, stem.version(), stem.description(), script);
    }
}
