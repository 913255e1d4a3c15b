package dev.strata.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own {@code strata.*} properties, bound Spring's way (relaxed names, profiles, environment variables
 * such as {@code STRATA_VERIFYATSTART}). The engine's settings ({@code strata.migrations.*},
 * {@code strata.database.auto-migrate} and the earlier names such as {@code strata.locations}) are not fields here:
 * their names are derived from {@code dev.strata.migrations.config.ConfigKey} and their values checked by the engine's
 * own configuration loader ({@link StrataPropertyKeys}), so their meaning, limits and error messages are declared once.
 */
@ConfigurationProperties("strata")
public class StrataProperties {

    /** Whether Strata runs at all: migrate-at-start, verify-at-start, the endpoint and the health indicator. */
    private boolean enabled = true;

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
