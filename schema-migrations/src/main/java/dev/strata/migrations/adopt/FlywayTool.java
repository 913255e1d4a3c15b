package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Flyway's {@code flyway_schema_history}. Each version is judged by its last row (a later {@code DELETE} row cancels
 * it, as in Flyway); a failed row, or a Java or script migration, refuses; a baseline stays a baseline; the
 * {@code SCHEMA} row (Flyway created the schema) needs nothing.
 */
public final class FlywayTool implements SourceTool {
    /** Flyway's default table name, in the schema Flyway was pointed at. */
    public static final String DEFAULT_TABLE = "flyway_schema_history";
    static final String SQL = "SQL";
    static final String BASELINE = "BASELINE";
    static final String SCHEMA = "SCHEMA";
    static final String DELETE = "DELETE";

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public String displayName() {
        return "Flyway";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "Flyway's `table` setting, in the schema of its first `schemas` entry";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.STRATA);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table));
    }

    /**
     * Every row in installed order. Flyway's {@code installed_on} is a timestamp without time zone written with
     * {@code now()}; it is read in this session's time zone, which is how the server itself would convert it.
     */
    static List<FlywayRow> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select installed_rank, version, description, type, script,"
                + " checksum, installed_by, installed_on::timestamptz, execution_time, success from "
                + table.qualified() + " order by installed_rank", result -> {
            int checksum = result.getInt(6);
            Optional<Integer> recorded = result.wasNull() ? Optional.empty() : Optional.of(checksum);
            return new FlywayRow(result.getInt(1), Optional.ofNullable(result.getString(2)),
                    nonNull(result.getString(3)), nonNull(result.getString(4)), nonNull(result.getString(5)),
                    recorded, nonNull(result.getString(7)), result.getObject(8, OffsetDateTime.class),
                    result.getInt(9), result.getBoolean(10));
        });
    }

    /** What Flyway's rows say was applied: a pure function of the rows. */
    static SourceHistory interpret(SchemaTable table, List<FlywayRow> flyway) {
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
        List<SourceMigration> applied = new ArrayList<>();
        lastOfVersion.forEach((version, row) -> {
            if (row.type().equals(DELETE)) {
                notes.add(row.describe() + ": Flyway marked version " + version + " deleted; not adopted");
            } else {
                applied.add(migration(table, row, row.type().equals(BASELINE) ? SourceMigration.Kind.BASELINE
                        : SourceMigration.Kind.VERSIONED, version));
            }
        });
        lastOfRepeatable.values().forEach(row -> applied.add(migration(table, row, SourceMigration.Kind.REPEATABLE,
                null)));
        return new SourceHistory(applied, notes, refusals);
    }

    private static SourceMigration migration(SchemaTable table, FlywayRow row, SourceMigration.Kind kind,
                                             Version version) {
        return new SourceMigration(row.installedRank(), kind, version,
                kind == SourceMigration.Kind.REPEATABLE ? row.fileName() : "",
                new Verification.Recorded(ChecksumAlgorithm.FLYWAY_CRC32, row.checksum().map(String::valueOf)),
                Optional.of(row.installedBy()), Optional.of(row.installedOn()), OptionalInt.of(row.executionTime()),
                row.describe(), "Flyway " + table + " installed_rank " + row.installedRank() + " (" + row.script()
                + ", type " + row.type() + ")",
                "restore " + row.fileName() + " in the migration locations (Strata checks it against Flyway's"
                        + " checksum); if it was removed on purpose, `flyway repair` marks the version deleted");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
