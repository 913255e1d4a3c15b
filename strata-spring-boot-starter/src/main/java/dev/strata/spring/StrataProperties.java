package dev.strata.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code strata.*} properties, bound Spring's way (relaxed names, profiles, environment variables such as
 * {@code STRATA_LOCKTIMEOUT}). The engine's settings among them are handed to the engine's own configuration loader
 * ({@link StrataPropertyKeys}), which validates them exactly as it validates {@code strata.toml}: their meaning, limits
 * and error messages are declared once, in {@code dev.strata.migrations.config.ConfigKey}.
 */
@ConfigurationProperties("strata")
public class StrataProperties {

    /** Whether Strata runs at all: migrate-at-start, verify-at-start, the endpoint and the health indicator. */
    private boolean enabled = true;

    /** Where the migration files are (migrations.locations): classpath:<path> or filesystem:<dir>. */
    private List<String> locations = Arrays.asList("classpath:db/migration");

    /** How the files are named (migrations.layout): strata, sqlx, golang-migrate, dbmate, diesel or auto. */
    private String layout = "strata";

    /** Schema of the history table (migrations.schema). */
    private String historySchema = "public";

    /** Name of the history table (migrations.table). */
    private String historyTable = "strata_schema_history";

    /** How long a start-up migration waits for another instance's migration lock (migrations.lock_timeout). */
    private Duration lockTimeout = Duration.ofSeconds(60);

    /** Apply a pending file older than the newest applied version (migrations.out_of_order). */
    private boolean outOfOrder = false;

    /** PostgreSQL statement_timeout for every migration statement (migrations.statement_timeout); unset: the server's. */
    private Duration statementTimeout;

    /** PostgreSQL lock_timeout for every migration statement (migrations.statement_lock_timeout); unset: the server's. */
    private Duration statementLockTimeout;

    /** Keep each applied file's text in the history table (migrations.record_content). */
    private boolean recordContent = true;

    /**
     * How a file that must run outside a transaction is recognised (migrations.non_transactional): layout (detect in
     * golang-migrate locations, the directive elsewhere), directive or detect.
     */
    private String nonTransactional = "layout";

    /** Pass over migrations written in Go, naming each, instead of refusing them (migrations.skip_go_migrations). */
    private boolean skipGoMigrations = false;

    /** Let a first migration start on a schema that holds objects but no history table (migrations.allow_non_empty). */
    private boolean allowNonEmpty = false;

    /**
     * Apply pending migrations when the application starts, before jOOQ, JPA or JdbcTemplate use the DataSource
     * (database.auto_migrate). For local and test databases; in production migrate as a release step.
     */
    private boolean migrateAtStart = false;

    /**
     * Refuse to start unless the database is exactly at the schema of the generated SchemaVersion (behind, ahead,
     * drifted or failed migrations stop the start with the precise message).
     */
    private boolean verifyAtStart = true;

    /**
     * The generated descriptor to verify against, e.g. com.example.db.SchemaVersion (a class implementing
     * dev.strata.api.SchemaDescriptor with a static INSTANCE field). Unset: the one such class in the application's
     * packages, found by scanning them.
     */
    private String schemaVersionClass;

    /**
     * Start even though Flyway or Liquibase is on the class path and enabled. Each tool must then keep its own
     * history table and locations; Strata runs after them and refuses locations that spring.flyway.locations also
     * names.
     */
    private boolean allowOtherMigrationTools = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout;
    }

    public String getHistorySchema() {
        return historySchema;
    }

    public void setHistorySchema(String historySchema) {
        this.historySchema = historySchema;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public boolean isOutOfOrder() {
        return outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getStatementLockTimeout() {
        return statementLockTimeout;
    }

    public void setStatementLockTimeout(Duration statementLockTimeout) {
        this.statementLockTimeout = statementLockTimeout;
    }

    public boolean isRecordContent() {
        return recordContent;
    }

    public void setRecordContent(boolean recordContent) {
        this.recordContent = recordContent;
    }

    public String getNonTransactional() {
        return nonTransactional;
    }

    public void setNonTransactional(String nonTransactional) {
        this.nonTransactional = nonTransactional;
    }

    public boolean isSkipGoMigrations() {
        return skipGoMigrations;
    }

    public void setSkipGoMigrations(boolean skipGoMigrations) {
        this.skipGoMigrations = skipGoMigrations;
    }

    public boolean isAllowNonEmpty() {
        return allowNonEmpty;
    }

    public void setAllowNonEmpty(boolean allowNonEmpty) {
        this.allowNonEmpty = allowNonEmpty;
    }

    public boolean isMigrateAtStart() {
        return migrateAtStart;
    }

    public void setMigrateAtStart(boolean migrateAtStart) {
        this.migrateAtStart = migrateAtStart;
    }

    public boolean isVerifyAtStart() {
        return verifyAtStart;
    }

    public void setVerifyAtStart(boolean verifyAtStart) {
        this.verifyAtStart = verifyAtStart;
    }

    public String getSchemaVersionClass() {
        return schemaVersionClass;
    }

    public void setSchemaVersionClass(String schemaVersionClass) {
        this.schemaVersionClass = schemaVersionClass;
    }

    public boolean isAllowOtherMigrationTools() {
        return allowOtherMigrationTools;
    }

    public void setAllowOtherMigrationTools(boolean allowOtherMigrationTools) {
        this.allowOtherMigrationTools = allowOtherMigrationTools;
    }
}
