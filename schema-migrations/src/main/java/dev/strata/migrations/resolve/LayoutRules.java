package dev.strata.migrations.resolve;

import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;

import java.util.List;
import java.util.Optional;

/**
 * How one tool names its migration files and what a file holds: one implementation per {@link Layout}, pure (no
 * file system, no database), so each is tested on names and text alone.
 */
interface LayoutRules {

    Layout layout();

    /** How the tool orders its versions. */
    VersionOrder order();

    /** The accepted file names, for the error on a file that matches none. */
    String expected();

    /** The file's version and description when its name (and, for diesel, its directory) fits the layout. */
    Optional<FileName> parseName(ScriptFile file);

    /** A specific reason the file's name does not fit, to put in the error. */
    String explainMismatch(ScriptFile file);

    /** The migrations in a well-named file's normalised text: usually the text itself, one entry. */
    default Read read(FileName name, String text) {
        return new Read.Entries(List.of(new Entry(name.kind(), name.version(), name.description(), name.script(),
                text, text)));
    }

    /** Whether the file is written in this layout, for {@code auto}: its name fits and its text is this tool's. */
    default boolean accepts(ScriptFile file, String text) {
        return parseName(file).isPresent();
    }

    /** The two ways tools order versions: as numbers (9 before 10) or as strings ("10" before "9"). */
    enum VersionOrder {
        NUMERIC, STRING
    }

    /**
     * What a file's name says.
     *
     * @param kind    a migration, its undo, or a repeatable one (strata only)
     * @param version null for a repeatable file
     * @param script  the name recorded in history and used in messages
     */
    record FileName(MigrationFileName.Kind kind, Version version, String description, String script) {
    }

    /**
     * One migration in a file.
     *
     * @param content      the text Strata runs (a tool's no-transaction marker becomes Strata's directive)
     * @param checksumText the text the checksum is computed from: the file's normalised text, or dbmate's section
     */
    record Entry(MigrationFileName.Kind kind, Version version, String description, String script, String content,
                 String checksumText) {
    }

    /** A file's migrations, or why its text cannot be read in this layout. */
    sealed interface Read {
        record Entries(List<Entry> entries) implements Read {
        }

        record Rejected(ProblemKind kind, String message, String hint) implements Read {
        }
    }
}
