package dev.strata.migrations.history;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code strata_schema_history} table: created on first use, read once per run, appended to in the same
 * transaction as the migration it records. The {@code content} column keeps the applied script so that an edit can
 * be shown line by line (unless recording content is turned off: then NULL); it is only read for rows that need it.
 * {@code failure} names the last statement a failed non-transactional migration reached. {@code adopted_from} says
 * where a row {@code strata adopt} wrote came from (tool, table, row, how its file was checked); NULL for a row
 * Strata wrote for work it did itself.
 */
public final class HistoryTable {
    /** The column added after the first release: tables created before it get it on their next write. */
    static final String ADOPTED_FROM = "adopted_from";
    /** How rows adopted before {@value #ADOPTED_FROM} existed kept their provenance, in {@code failure}. */
    private static final String OLD_PROVENANCE_PREFIX = "adopted from ";

    private final SchemaTable name;
    private final boolean recordContent;

    /** A history table that keeps each applied file's text. */
    public HistoryTable(SchemaTable name) {
        this(name, true);
    }

    /**
     * @param recordContent whether rows written keep the file's text; without it the content column is NULL (a file
     *                      may hold a secret, such as {@code CREATE ROLE … PASSWORD}), and edits are reported
     *                      without their lines
     */
    public HistoryTable(SchemaTable name, boolean recordContent) {
        this.name = name;
        this.recordContent = recordContent;
    }

    public SchemaTable name() {
        return name;
    }

    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from pg_catalog.pg_tables where schemaname = ? and tablename = ?")) {
            statement.setString(1, name.schema());
            statement.setString(2, name.table());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Creates the schema and table when missing, and brings a table made by an earlier Strata up to date. Callers
     * hold the migration lock, so this cannot race.
     */
    public void createIfMissing(Connection connection) throws SQLException {
        Map<String, Boolean> columns = columns(connection);
        if (!columns.isEmpty()) {
            upgrade(connection, columns);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (!schemaExists(connection)) {
                // Only when missing: even with IF NOT EXISTS, CREATE SCHEMA needs CREATE on the database, which a
                // role that may create tables in an existing schema often lacks.
                statement.execute("create schema " + name.quotedSchema());
            }
            statement.execute("create table if not exists " + name.qualified() + " ("
                    + " installed_rank integer primary key,"
                    + " version text,"
                    + " description text not null,"
                    + " type text not null,"
                    + " script text not null,"
                    + " checksum text not null,"
                    + " installed_by text not null default current_user,"
                    + " installed_at timestamptz not null default now(),"
                    + " execution_ms integer not null,"
                    + " success boolean not null,"
                    + " content text,"
                    + " failure text,"
                    + " " + ADOPTED_FROM + " text"
                    + ")");
            statement.execute("comment on table " + name.qualified()
                    + " is 'Applied schema migrations, written by Strata. Do not edit by hand: use strata repair.'");
        }
    }

    /**
     * Brings a table made by an earlier Strata up to date; checked in the catalog first so that an up-to-date table is
     * never altered (no lock taken). Tables created before repeatable migrations existed declared
     * {@code version not null}, which a repeatable row cannot meet. Tables created before {@value #ADOPTED_FROM}
     * existed get the column, and the rows adopted into them move their provenance there out of {@code failure},
     * where it was kept until then (a failure is never written on a successful row).
     */
    private void upgrade(Connection connection, Map<String, Boolean> columns) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (Boolean.TRUE.equals(columns.get("version"))) {
                statement.execute("alter table " + name.qualified() + " alter column version drop not null");
            }
            if (!columns.containsKey(ADOPTED_FROM)) {
                statement.execute("alter table " + name.qualified() + " add column " + ADOPTED_FROM + " text");
                statement.execute("update " + name.qualified() + " set " + ADOPTED_FROM + " = failure, failure = null"
                        + " where success and failure like '" + OLD_PROVENANCE_PREFIX + "%'");
            }
        }
    }

    /** The table's columns, each with whether it is declared NOT NULL; empty when the table does not exist. */
    private Map<String, Boolean> columns(Connection connection) throws SQLException {
        Map<String, Boolean> columns = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select a.attname, a.attnotnull"
                + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p') and a.attnum > 0"
                + " and not a.attisdropped")) {
            statement.setString(1, name.schema());
            statement.setString(2, name.table());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.put(result.getString(1), result.getBoolean(2));
                }
            }
        }
        return columns;
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from pg_catalog.pg_namespace where nspname = ?")) {
            statement.setString(1, name.schema());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * All rows in installed order; empty when the table does not exist yet. A table an earlier Strata created reads
     * as having no adopted rows until its next write adds {@value #ADOPTED_FROM} (reading never alters it).
     */
    public List<HistoryRow> readAll(Connection connection) throws SQLException {
        Map<String, Boolean> columns = columns(connection);
        if (columns.isEmpty()) {
            return List.of();
        }
        String adoptedFrom = columns.containsKey(ADOPTED_FROM) ? ADOPTED_FROM : "null::text";
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select installed_rank, version, description, type, script,"
                     + " checksum, installed_by, installed_at, execution_ms, success, " + adoptedFrom + " from "
                     + name.qualified() + " order by installed_rank")) {
            while (result.next()) {
                rows.add(row(result));
            }
        } catch (SQLException e) {
            if (HistoryUnreadableException.isMissingColumns(e) && connection.getAutoCommit()) {
                Optional<ForeignHistoryTable> foreign = ForeignHistoryTable.of(connection, name.schema(), name.table());
                if (foreign.isPresent()) {
                    throw new HistoryUnreadableException(name, foreign.get(), e);
                }
            }
            throw e;
        }
        return rows;
    }

    /** One row; a value Strata cannot parse is reported with the row's rank, not as a crash. */
    private HistoryRow row(ResultSet result) throws SQLException {
        int rank = result.getInt(1);
        String version = result.getString(2);
        String type = result.getString(4);
        Version parsedVersion;
        try {
            parsedVersion = version == null ? null : Version.parse(version);
        } catch (IllegalArgumentException e) {
            throw new HistoryUnreadableException(name, rank, "has version '" + version + "', which is not a version: "
                    + e.getMessage(), e);
        }
        MigrationType parsedType;
        try {
            parsedType = MigrationType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HistoryUnreadableException(name, rank, "has type '" + type + "', which is not one of "
                    + Arrays.toString(MigrationType.values()), e);
        }
        String script = result.getString(5);
        return new HistoryRow(rank, id(rank, parsedVersion, parsedType, script), result.getString(3), parsedType,
                script, result.getString(6), result.getString(7), result.getObject(8, OffsetDateTime.class),
                result.getInt(9), result.getBoolean(10), Optional.ofNullable(result.getString(11)));
    }

    /** The version column's value: SQL null for a repeatable migration. */
    private static String versionColumn(NewHistoryRow row) {
        return row.id().versionNumber().map(Version::toString).orElse(null);
    }

    /** What a row records: the version column, which only a {@code REPEATABLE} row leaves empty, or its file name. */
    private static MigrationId id(int rank, Version version, MigrationType type, String script) {
        if ((version == null) != (type == MigrationType.REPEATABLE)) {
            throw new IllegalArgumentException("history row " + rank + " (" + script + ", type " + type
                    + "): only a REPEATABLE row has no version");
        }
        return version == null ? new MigrationId.Repeatable(script) : new MigrationId.Versioned(version);
    }

    /** The script text recorded for a row, when it was recorded. */
    public Optional<String> readContent(Connection connection, int installedRank) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select content from " + name.qualified() + " where installed_rank = ?")) {
            statement.setInt(1, installedRank);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records a file's current checksum and content for a row ({@code strata repair} after an intended edit). */
    public void realign(Connection connection, int installedRank, String checksum, String description, String content)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update " + name.qualified()
                + " set checksum = ?, description = ?, content = ? where installed_rank = ?")) {
            statement.setString(1, checksum);
            statement.setString(2, description);
            statement.setString(3, recordContent ? content : null);
            statement.setInt(4, installedRank);
            statement.executeUpdate();
        }
    }

    /** Deletes one row, e.g. a failed one. */
    public void delete(Connection connection, int installedRank) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from " + name.qualified() + " where installed_rank = ?")) {
            statement.setInt(1, installedRank);
            statement.executeUpdate();
        }
    }

    /** Appends a row inside the caller's transaction. */
    public void insert(Connection connection, NewHistoryRow row) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.execute(insertStatement(row));
        }
    }

    /**
     * Appends a row recorded by another tool ({@code strata adopt}), inside the caller's transaction, keeping that
     * tool's user and install time instead of this session's where it recorded them.
     *
     * @param adoptedFrom where the row came from, for {@value #ADOPTED_FROM}
     */
    public void insertAdopted(Connection connection, NewHistoryRow row, Optional<String> installedBy,
                              Optional<OffsetDateTime> installedAt, String adoptedFrom) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into " + name.qualified()
                + " (installed_rank, version, description, type, script, checksum, installed_by, installed_at,"
                + " execution_ms, success, content, failure, " + ADOPTED_FROM + ") select"
                + " coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, coalesce(?, current_user),"
                + " coalesce(?::timestamptz, now()), ?, ?, ?, ?, ? from " + name.qualified())) {
            statement.setString(1, versionColumn(row));
            statement.setString(2, row.description());
            statement.setString(3, row.type().name());
            statement.setString(4, row.script());
            statement.setString(5, row.checksum());
            statement.setString(6, installedBy.orElse(null));
            if (installedAt.isPresent()) {
                statement.setObject(7, installedAt.get());
            } else {
                statement.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            statement.setInt(8, row.executionMs().orElse(0));
            statement.setBoolean(9, row.success());
            statement.setString(10, recordContent ? row.content() : null);
            statement.setString(11, row.failure());
            statement.setString(12, adoptedFrom);
            statement.executeUpdate();
        }
    }

    /**
     * The insert of a row as one statement with its values written out, so that it can also travel in the JDBC batch
     * that carries a migration's statements and its commit (a batch takes no parameters).
     */
    public String insertStatement(NewHistoryRow row) {
        return "insert into " + name.qualified()
                + " (installed_rank, version, description, type, script, checksum, execution_ms, success, content,"
                + " failure) select coalesce(max(installed_rank), 0) + 1, "
                + SqlLiteral.text(versionColumn(row)) + ", "
                + SqlLiteral.text(row.description()) + ", "
                + SqlLiteral.text(row.type().name()) + ", "
                + SqlLiteral.text(row.script()) + ", "
                + SqlLiteral.text(row.checksum()) + ", "
                + executionMs(row) + ", "
                + row.success() + ", "
                + SqlLiteral.text(recordContent ? row.content() : null) + ", "
                + SqlLiteral.text(row.failure())
                + " from " + name.qualified();
    }

    /** The client's figure, or the server's: milliseconds from the start of the transaction to this statement. */
    private static String executionMs(NewHistoryRow row) {
        return row.executionMs().isPresent() ? Integer.toString(row.executionMs().getAsInt())
                : "(extract(epoch from pg_catalog.clock_timestamp() - pg_catalog.now()) * 1000)::integer";
    }
}
