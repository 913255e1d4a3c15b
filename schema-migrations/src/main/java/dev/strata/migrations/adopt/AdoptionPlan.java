package dev.strata.migrations.adopt;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.NewHistoryRow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What adopting another tool's history would record, computed without changing anything.
 *
 * @param source     the other tool's history table
 * @param adoptions  the Strata history rows to write, in the other tool's installed order
 * @param notes      rows deliberately not adopted, each with the reason (a schema-creation marker, a repeatable
 *                   file changed since it last ran, a row the other tool marked deleted, one recorded already)
 * @param edited     files whose checksum is not the one the other tool recorded; nothing is adopted while there are
 *                   any, unless the edits are accepted
 * @param refusals   reasons the other tool's state cannot be adopted as it is, each with that tool's fix
 */
public record AdoptionPlan(SchemaTable source, List<Adoption> adoptions, List<String> notes, List<EditedFile> edited,
                           List<Refusal> refusals) {
    public AdoptionPlan {
        Objects.requireNonNull(source, "source");
        adoptions = List.copyOf(adoptions);
        notes = List.copyOf(notes);
        edited = List.copyOf(edited);
        refusals = List.copyOf(refusals);
    }

    /**
     * One history row to write.
     *
     * @param version    null exactly for a repeatable file
     * @param check      how the file was checked, e.g. {@code CRC32 -873187034 verified}
     * @param provenance what the row's {@code failure} column keeps: the source row and the check
     */
    public record Adoption(FlywayRow source, Version version, String description, MigrationType type, String script,
                           String checksum, Optional<String> content, String check, String provenance) {
        public Adoption {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(checksum, "checksum");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(provenance, "provenance");
        }

        /** The row as Strata writes it; user and time are the original ones, written separately. */
        public NewHistoryRow row() {
            return new NewHistoryRow(version, description, type, script, checksum,
                    OptionalInt.of(source.executionTime()), true, content.orElse(null), provenance);
        }
    }

    /** A file whose text is not the one that was applied, by the other tool's own checksum. */
    public record EditedFile(FlywayRow row, String path, Optional<Integer> recorded, int now) {
        public String describe() {
            return path + " (version " + row.version().orElse("?") + "): Flyway recorded "
                    + recorded.map(crc -> "CRC32 " + crc).orElse("no checksum") + " in " + row.describe()
                    + ", the file now has CRC32 " + now;
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
