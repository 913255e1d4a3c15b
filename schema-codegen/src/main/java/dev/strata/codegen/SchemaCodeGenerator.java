package dev.strata.codegen;

import org.jooq.Constants;
import org.jooq.codegen.GenerationTool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs jOOQ's {@link GenerationTool} against a migrated database into a source root, then writes the fingerprint
 * class. The order matters: the target's clean step deletes every file of the package jOOQ did not write itself.
 */
public final class SchemaCodeGenerator {
    /** Recorded in {@code SchemaVersion.GENERATOR}; a different jOOQ makes the committed code stale. */
    public static final String GENERATOR = "jOOQ " + Constants.VERSION;

    static {
        // jOOQ prints a banner and a "tip of the day" on first use; the generator's output is the report only.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private SchemaCodeGenerator() {
    }

    public static void generate(MigratedDatabase database, Path sourceRoot, MigrationFingerprint fingerprint) {
        try (Connection connection = database.connect()) {
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            tool.run(JooqSettings.forSourceRoot(sourceRoot));
        } catch (SQLException e) {
            throw new CodegenException("cannot read the schema from " + database.description() + ": " + e.getMessage(),
                    "see the server's message above", e);
        } catch (Exception e) {
            throw new CodegenException("jOOQ's code generator failed: " + e, "see the stack trace", e);
        }
        SchemaVersionSource.write(sourceRoot, fingerprint, GENERATOR);
    }
}
