package dev.strata.migrations.resolve;

import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.resolve.SectionedFile.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a layout whose files are {@code <version>_<name>.sql} with an up and an optional down section (dbmate,
 * goose): the up section is the migration, a down section with a statement is its undo (one without means no undo,
 * as the tool would run nothing either). Each layout says how its sections are marked.
 */
abstract class SectionedFileRules implements LayoutRules {

    /** The file split at its markers. */
    abstract Split split(String text);

    /** Whether the text holds the layout's up marker (what tells its files from sqlx's). */
    abstract boolean hasMarker(String text);

    /** How to write a file the layout's tool would accept, for a file that cannot be split. */
    abstract String howToWrite();

    @Override
    public Optional<FileName> parseName(ScriptFile file) {
        if (!file.name().endsWith(".sql")) {
            return Optional.empty();
        }
        return ToolFileName.parseStem(ToolFileName.strip(file.name(), ".sql"))
                .map(stem -> FileName.versioned(MigrationFileName.Kind.VERSIONED, stem.version(), stem.description(),
                        file.name()));
    }

    @Override
    public String explainMismatch(ScriptFile file) {
        return file.name().endsWith(".sql") ? ToolFileName.explainStem(ToolFileName.strip(file.name(), ".sql"))
                : "the extension must be a lower-case .sql";
    }

    @Override
    public Read read(FileName name, String text) {
        Split split = split(text);
        if (split instanceof Split.Invalid invalid) {
            return new Read.Rejected(ProblemKind.INVALID_DIRECTIVE, "line " + invalid.line() + " " + invalid.reason(),
                    howToWrite());
        }
        Split.Sections sections = (Split.Sections) split;
        List<Entry> entries = new ArrayList<>(2);
        entries.add(new Entry(MigrationFileName.Kind.VERSIONED, name.id(), name.description(), name.script(),
                sections.up().content(), sections.up().asWritten()));
        sections.down().filter(SectionedFile.Section::hasStatements).ifPresent(down -> entries.add(
                new Entry(MigrationFileName.Kind.UNDO, name.id(), name.description(), name.script(),
                        down.content(), down.asWritten())));
        return new Read.Entries(entries);
    }

    @Override
    public boolean accepts(ScriptFile file, String text) {
        return parseName(file).isPresent() && hasMarker(text);
    }
}
