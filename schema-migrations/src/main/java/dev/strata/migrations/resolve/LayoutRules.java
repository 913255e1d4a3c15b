package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;

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

    /**
     * Whether the file shows this layout rather than another that names files alike, for {@code auto}: at least one
     * file of a location must (a popx folder of generic names is read as golang-migrate's, which it then is).
     */
    default boolean shows(ScriptFile file, String text) {
        return true;
    }

    /** A specific reason the file's name does not fit, to put in the error. */
    String explainMismatch(ScriptFile file);

    /** The migrations in a well-named file's normalised text: usually the text itself, one entry. */
    default Read read(FileName name, String text) {
        return new Read.Entries(List.of(new Entry(name.kind(), name.id(), name.description(), name.script(),
                text, text)));
    }

    /**
     * The location's {@code .sql} files this layout reads, given the other files beside them ({@code manifest.json}
     * for temporal-sql-tool): every {@code .sql} file unless the layout says otherwise (popx reads one dialect's).
     */
    default Selection select(List<ScriptFile> sqlFiles, List<ScriptFile> companions) {
        return new Selection(this, sqlFiles, List.of(), List.of());
    }

    /** Whether the tool also runs migrations written in Go ({@code <version>_<name>.go} beside the SQL files). */
    default boolean runsGoMigrations() {
        return false;
    }

    /** Whether the file is written in this layout, for {@code auto}: its name fits and its text is this tool's. */
    default boolean accepts(ScriptFile file, String text) {
        return parseName(file).isPresent();
    }

    /**
     * What a layout reads in one location.
     *
     * @param rules    the rules that read the files (bound to the location's manifests, for temporal-sql-tool)
     * @param files    the {@code .sql} files to read
     * @param problems what keeps the location's files from being read as a whole (a broken manifest)
     * @param notes    files passed over on purpose, such as another dialect's
     */
    record Selection(LayoutRules rules, List<ScriptFile> files, List<Problem> problems, List<String> notes) {
    }

    /**
     * What a file's name says.
     *
     * @param kind   a migration, its undo, or a repeatable one (strata only)
     * @param id     the version, or, for a repeatable file, which has none, its name
     * @param script the name recorded in history and used in messages
     */
    record FileName(MigrationFileName.Kind kind, MigrationId id, String description, String script) {
        public FileName {
            MigrationFileName.requireFitting(kind, id);
        }

        /** The name of a migration or its undo file, which every tool but Strata's {@code R__} names are. */
        static FileName versioned(MigrationFileName.Kind kind, Version version, String description, String script) {
            return new FileName(kind, new MigrationId.Versioned(version), description, script);
        }
    }

    /**
     * One migration in a file.
     *
     * @param content      the text Strata runs (a tool's no-transaction marker becomes Strata's directive)
     * @param checksumText the text the checksum is computed from: the file's normalised text, or dbmate's section
     */
    record Entry(MigrationFileName.Kind kind, MigrationId id, String description, String script, String content,
                 String checksumText) {
        public Entry {
            MigrationFileName.requireFitting(kind, id);
        }
    }

    /** A file's migrations, or why its text cannot be read in this layout. */
    sealed interface Read {
        record Entries(List<Entry> entries) implements Read {
        }

        record Rejected(ProblemKind kind, String message, String hint) implements Read {
        }
    }
}
