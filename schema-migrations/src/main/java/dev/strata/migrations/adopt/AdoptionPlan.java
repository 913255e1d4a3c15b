package dev.strata.migrations.adopt;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.history.NewHistoryRow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What adopting another tool's history would record, computed without changing anything.
 *
 * @param tool      the other tool, as messages name it
 * @param source    the other tool's history table
 * @param adoptions the Strata history rows to write, in the other tool's order
 * @param notes     rows deliberately not adopted, each with the reason (a schema-creation marker, a repeatable file
 *                  changed since it last ran, a row the other tool marked deleted, one recorded already)
 * @param edited    files whose checksum is not the one the other tool recorded; nothing is adopted while there are
 *                  any, unless the edits are accepted
 * @param refusals  reasons the other tool's state cannot be adopted as it is, each with that tool's fix
 */
public record AdoptionPlan(String tool, SchemaTable source, List<Adoption> adoptions, List<String> notes,
                           List<EditedFile> edited, List<Refusal> refusals) {
    public AdoptionPlan {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(source, "source");
        adoptions = List.copyOf(adoptions);
        notes = List.copyOf(notes);
        edited = List.copyOf(edited);
        refusals = List.copyOf(refusals);
    }

    /**
     * One history row to write.
     *
     * @param id      the version recorded, or for a repeatable file its name
     * @param check   how the file was checked, e.g. {@code CRC32 -873187034 verified}
     */
    public record Adoption(SourceMigration source, MigrationId id, String description, MigrationType type,
                           String script, String checksum, Optional<String> content, String check) {
        public Adoption {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(checksum, "checksum");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(check, "check");
        }

        /** What the row's {@code adopted_from} keeps: the other tool's table and row, and how the file was checked. */
        public String provenance() {
            return source.origin() + ": " + check;
        }

        /** The row as Strata writes it; user, time and provenance are written separately. */
        public NewHistoryRow row() {
            return new NewHistoryRow(id, description, type, script, checksum, source.executionMs(), true,
                    content.orElse(null), null);
        }
    }

    /** A file whose text is not the one that was applied, by the other tool's own checksum. */
    public record EditedFile(SourceMigration row, String path, String recorded, String now) {
        public String describe(String tool) {
            return path + " (version " + row.version() + "): " + tool + " recorded " + recorded + " in "
                    + row.describe() + ", the file now has " + now;
        }
    }

    /** Why the other tool's history cannot be adopted as it is, and that tool's own fix. */
    public record Refusal(String message, String fix) {
        public Refusal {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fix, "fix");
        }
    }

    /** True when nothing stops adoption: no refusal, and no edited file unless edits are accepted. */
    public boolean canAdopt(boolean acceptEdited) {
        return refusals.isEmpty() && (acceptEdited || edited.isEmpty());
    }
}
