package dev.strata.migrations.adopt;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.history.AppliedVersions;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what adopting Flyway's history records: a pure function of Flyway's rows, the resolved files and Strata's
 * own history. Each Flyway version is judged by its last row (a later {@code DELETE} row cancels it, as in Flyway);
 * a versioned row must have its file, with Flyway's checksum; a repeatable row is adopted only while its file is
 * unchanged (otherwise {@code strata migrate} runs it again, as Flyway would have); a Flyway baseline becomes a
 * Strata baseline. Anything already recorded in Strata's history is left alone, so adopting twice adopts nothing.
 */
public final class AdoptionPlanner {
    static final String SQL = "SQL";
    static final String BASELINE = "BASELINE";
    static final String SCHEMA = "SCHEMA";
    static final String DELETE = "DELETE";

    private AdoptionPlanner() {
    }

    public static AdoptionPlan plan(SchemaTable source, List<FlywayRow> flyway, ResolvedMigrations files,
                                    List<AppliedMigration> strata) {
        Map<Version, ResolvedMigration> versioned = new HashMap<>();
        files.migrations().forEach(file -> versioned.putIfAbsent(file.version(), file));
        Map<String, ResolvedMigration> repeatable = new HashMap<>();
        files.repeatables().forEach(file -> repeatable.putIfAbsent(file.script(), file));
        AppliedVersions recorded = AppliedVersions.of(strata);

        List<String> notes = new ArrayList<>();
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>();
        Map<Version, FlywayRow> lastOfVersion = new LinkedHashMap<>();
        Map<String, FlywayRow> lastOfRepeatable = new LinkedHashMap<>();
        for (FlywayRow row : flyway) {
            if (row.type().equals(SCHEMA)) {
                notes.add(row.describe() + ": Flyway's record that it created schema " + row.script()
                        + "; nothing to adopt");
                continue;
            }
            if (!List.of(SQL, BASELINE, DELETE).contains(row.type())) {
                refusals.add(new AdoptionPlan.Refusal(row.describe() + " has Flyway type " + row.type()
                        + ": Strata adopts SQL migrations and baselines only",
                        "replace the migration with a SQL file of the same version, or adopt by hand with"
                                + " `strata baseline` at the newest version"));
                continue;
            }
            if (!row.success()) {
                refusals.add(new AdoptionPlan.Refusal("Flyway's " + row.describe() + " records a failed migration",
                        "check what the failed migration changed, then run `flyway repair` (it removes failed rows)"
                                + " and adopt again"));
                continue;
            }
            if (row.version().isEmpty()) {
                lastOfRepeatable.put(row.fileName(), row);
                continue;
            }
            try {
                lastOfVersion.put(Version.parse(row.version().get()), row);
            } catch (IllegalArgumentException e) {
                refusals.add(new AdoptionPlan.Refusal(row.describe() + ": " + e.getMessage(),
                        "Strata versions are digit groups; rename the file and fix the row with Flyway first"));
            }
        }

        List<AdoptionPlan.Adoption> adoptions = new ArrayList<>();
        List<AdoptionPlan.EditedFile> edited = new ArrayList<>();
        for (Map.Entry<Version, FlywayRow> entry : lastOfVersion.entrySet()) {
            Version version = entry.getKey();
            FlywayRow row = entry.getValue();
            AppliedMigration existing = recorded.lastRows().get(version);
            if (row.type().equals(DELETE)) {
                notes.add(row.describe() + ": Flyway marked version " + version + " deleted; not adopted");
            } else if (existing != null && !AppliedVersions.isUndo(existing)) {
                notes.add(row.describe() + ": already in Strata's history (row " + existing.installedRank() + ", "
                        + existing.type() + ")");
            } else if (row.type().equals(BASELINE)) {
                adoptions.add(adoption(source, row, version, "baseline adopted from Flyway", MigrationType.BASELINE,
                        "<< baseline >>", "none", Optional.empty(), "Flyway baseline"));
            } else {
                ResolvedMigration file = versioned.get(version);
                if (file == null) {
                    refusals.add(new AdoptionPlan.Refusal("Flyway's " + row.describe() + " is applied, but no"
                            + " migration file has version " + version,
                            "restore " + row.fileName() + " in the migration locations (Strata checks it against"
                                    + " Flyway's checksum); if it was removed on purpose, `flyway repair` marks the"
                                    + " version deleted"));
                    continue;
                }
                int now = FlywayChecksum.of(file.content());
                boolean matches = row.checksum().filter(crc -> crc == now).isPresent();
                if (!matches) {
                    edited.add(new AdoptionPlan.EditedFile(row, file.path(), row.checksum(), now));
                }
                adoptions.add(adoption(source, row, version, file.description(), MigrationType.ADOPTED,
                        file.script(), file.checksum().toString(), Optional.of(file.content()),
                        matches ? "CRC32 " + now + " verified"
                                : "CRC32 " + row.checksum().map(String::valueOf).orElse("none")
                                + " recorded, file has " + now + ": edit accepted with --accept-edited"));
            }
        }
        for (FlywayRow row : lastOfRepeatable.values()) {
            ResolvedMigration file = repeatable.get(row.fileName());
            if (recorded.lastRepeatable().containsKey(row.fileName())) {
                notes.add(row.describe() + ": already in Strata's history");
            } else if (file == null) {
                notes.add(row.describe() + ": no such repeatable file any more; not adopted");
            } else if (row.checksum().filter(crc -> crc == FlywayChecksum.of(file.content())).isEmpty()) {
                notes.add(row.describe() + ": changed since Flyway last ran it; `strata migrate` runs it again,"
                        + " as Flyway would have");
            } else {
                adoptions.add(adoption(source, row, null, file.description(), MigrationType.REPEATABLE,
                        file.script(), file.checksum().toString(), Optional.of(file.content()),
                        "CRC32 " + row.checksum().get() + " verified"));
            }
        }
        adoptions.sort((a, b) -> Integer.compare(a.source().installedRank(), b.source().installedRank()));
        return new AdoptionPlan(source, adoptions, notes, edited, refusals);
    }

    /** A row to write, with its provenance: where it came from and how it was checked. */
    private static AdoptionPlan.Adoption adoption(SchemaTable source, FlywayRow row, Version version,
                                                  String description, MigrationType type, String script,
                                                  String checksum, Optional<String> content, String check) {
        String provenance = "adopted from Flyway " + source + " installed_rank " + row.installedRank() + " ("
                + row.script() + ", type " + row.type() + "): " + check;
        return new AdoptionPlan.Adoption(row, version, description, type, script, checksum, content, check,
                provenance);
    }
}
