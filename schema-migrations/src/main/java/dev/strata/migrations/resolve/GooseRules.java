package dev.strata.migrations.resolve;

import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.VersionOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * goose: {@code <version>_<name>.sql} holding a {@code -- +goose Up} section and an optional {@code -- +goose Down}
 * section; versions compared as integers, as goose does. goose wraps each file in a transaction unless it says
 * {@code -- +goose NO TRANSACTION}, which becomes Strata's {@code -- strata:transaction=false}. The down section is
 * the migration's undo. goose keeps its history in {@code goose_db_version} (version_id, is_applied, tstamp), which a
 * future {@code strata adopt --from goose} would read; a {@code <version>_<name>.go} migration beside the files is
 * one Strata cannot run.
 */
final class GooseRules implements LayoutRules {

    @Override
    public Layout layout() {
        return Layout.GOOSE;
    }

    @Override
    public VersionOrder order() {
        return VersionOrder.NUMERIC;
    }

    @Override
    public String expected() {
        return "<version>_<name>.sql (e.g. 20240105093000_add_users.sql) with a '-- +goose Up' line and an optional"
                + " '-- +goose Down' line";
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
        GooseSections.Split split = GooseSections.split(text);
        if (split instanceof GooseSections.Split.Invalid invalid) {
            return new Read.Rejected(ProblemKind.INVALID_DIRECTIVE, "line " + invalid.line() + " " + invalid.reason(),
                    "write the file as goose expects: '-- +goose Up' above the migration's statements,"
                            + " '-- +goose Down' above its undo");
        }
        GooseSections.Split.Sections sections = (GooseSections.Split.Sections) split;
        List<Entry> entries = new ArrayList<>(2);
        entries.add(new Entry(MigrationFileName.Kind.VERSIONED, name.version(), name.description(), name.script(),
                sections.up().content(), sections.up().asWritten()));
        sections.down().filter(GooseSections.Section::hasStatements).ifPresent(down -> entries.add(
                new Entry(MigrationFileName.Kind.UNDO, name.version(), name.description(), name.script(),
                        down.content(), down.asWritten())));
        return new Read.Entries(entries);
    }

    @Override
    public boolean runsGoMigrations() {
        return true;
    }

    @Override
    public boolean accepts(ScriptFile file, String text) {
        return parseName(file).isPresent() && GooseSections.hasMarker(text);
    }
}
