package dev.strata.migrations.resolve;

import dev.strata.migrations.core.VersionOrder;

import dev.strata.migrations.core.ProblemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dbmate: {@code <version>_<name>.sql} holding a {@code -- migrate:up} section and an optional
 * {@code -- migrate:down} section; versions compared as strings, as dbmate does. dbmate wraps each section in a
 * transaction unless its marker says {@code transaction:false}: the same as Strata's default and its
 * {@code -- strata:transaction=false} directive. The down section is the migration's undo; a down section without
 * a statement means the migration has no undo (dbmate would run nothing either).
 */
final class DbmateRules implements LayoutRules {

    @Override
    public Layout layout() {
        return Layout.DBMATE;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.STRING;
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql (e.g. 20240105093000_add_users.sql) with a '-- migrate:up' line and an"
                + " optional '-- migrate:down' line";
    }

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        if (!file.name().endsWith(".sql")) {
            return Optional.empty();
        }
        return ToolFileName.parseStem(ToolFileName.strip(file.name(), ".sql"))
                .map(stem -> new FileName(MigrationFileName.Kind.VERSIONED, stem.version(), stem.description(),
                        file.name()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        return file.name().endsWith(".sql") ? ToolFileName.explainStem(ToolFileName.strip(file.name(), ".sql"))
                : "the extension must be a lower-case .sql";
    }

    @Override
    public Read read(FileName name, String text) {
        DbmateSections.Split split = DbmateSections.split(text);
        if (split instanceof DbmateSections.Split.Invalid invalid) {
            return new Read.Rejected(ProblemKind.INVALID_DIRECTIVE, "line " + invalid.line() + " " + invalid.reason(),
                    "write the file as dbmate expects: '-- migrate:up' above the migration's statements,"
                            + " '-- migrate:down' above its undo");
        }
        DbmateSections.Split.Sections sections = (DbmateSections.Split.Sections) split;
        List<Entry> entries = new ArrayList<>(2);
        entries.add(new Entry(MigrationFileName.Kind.VERSIONED, name.version(), name.description(), name.script(),
                sections.up().content(), sections.up().asWritten()));
        sections.down().filter(DbmateSections.Section::hasStatements).ifPresent(down -> entries.add(
                new Entry(MigrationFileName.Kind.UNDO, name.version(), name.description(), name.script(),
                        down.content(), down.asWritten())));
        return new Read.Entries(entries);
    }

    @Override
    public boolean accepts(ScriptFile file, String text) {
        return parseName(file).isPresent() && DbmateSections.hasMarker(text);
    }
}
