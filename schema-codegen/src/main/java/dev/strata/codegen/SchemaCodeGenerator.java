package dev.strata.codegen;

import org.jooq.Constants;
import org.jooq.codegen.GenerationTool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs jOOQ's {@link GenerationTool} against a migrated database into a source root, then writes the descriptor
 * class. The order matters: the target's clean step deletes every file of the package jOOQ did not write itself.
 */
public final class SchemaCodeGenerator {
    /** Recorded in {@code SchemaVersion.GENERATOR}; a different jOOQ makes the generated code stale. */
    public static final String GENERATOR = "jOOQ " + Constants.VERSION;

    static {
        // jOOQ prints a banner and a "tip of the day" on first use; the generator's output is the report only.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private SchemaCodeGenerator() {
    }

    public static void generate(MigratedDatabase database, CodegenSettings settings, Path sourceRoot,
                                SchemaVersionSource.Provenance provenance) {
        try (Connection connection = database.connect()) {
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            // The Maven plugin's class realm, not the thread's, holds jOOQ's generator classes.
            tool.setClassLoader(SchemaCodeGenerator.class.getClassLoader());
            tool.run(JooqConfiguration.of(settings, sourceRoot));
        } catch (SQLException e) {
            throw new CodegenException("cannot read the schema from " + database.description() + ": " + e.getMessage(),
                    "see the server's message above", e);
        } catch (Exception e) {
            throw new CodegenException("jOOQ's code generator failed: " + e, "check the jOOQ options; see the stack trace", e);
        }
        SchemaVersionSource.write(settings.packageDirectory(sourceRoot), settings.packageName(), provenance);
    }
}
