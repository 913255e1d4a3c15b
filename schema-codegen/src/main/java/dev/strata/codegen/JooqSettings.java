package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;
import org.jooq.codegen.JavaGenerator;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.GeneratedSerialVersionUID;
import org.jooq.meta.jaxb.GeneratedTextBlocks;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.OnError;
import org.jooq.meta.jaxb.Target;
import org.jooq.meta.postgres.PostgresDatabase;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The jOOQ code generator's configuration. Every option that could make two runs differ is set explicitly:
 * no {@code @Generated} annotation or date, text blocks on (not detected from the running JDK), {@code \n} newlines,
 * four-space indentation, UTF-8, a fixed locale, a constant serialVersionUID. The history table is excluded, it is
 * the engine's business and not part of the application's schema.
 */
public final class JooqSettings {
    /** The schema the migrations create their objects in. */
    public static final String INPUT_SCHEMA = "public";

    private JooqSettings() {
    }

    public static Configuration forSourceRoot(Path sourceRoot) {
        return new Configuration()
                .withLogging(Logging.WARN)
                .withOnError(OnError.FAIL)
                .withGenerator(new Generator()
                        .withName(JavaGenerator.class.getName())
                        .withDatabase(database())
                        .withGenerate(generate())
                        .withTarget(new Target()
                                .withPackageName(CodegenPaths.PACKAGE)
                                .withDirectory(sourceRoot.toAbsolutePath().toString())
                                .withEncoding("UTF-8")
                                .withLocale("en")
                                .withClean(true)));
    }

    private static Database database() {
        return new Database()
                .withName(PostgresDatabase.class.getName())
                .withInputSchema(INPUT_SCHEMA)
                .withIncludes(".*")
                .withExcludes(Pattern.quote(MigrationSettings.DEFAULT_TABLE))
                .withIncludeSystemIndexes(false)
                .withIncludeSystemSequences(false)
                .withForcedTypes(longRange());
    }

    /**
     * {@code int8range} as jooq-postgres-extensions' {@code LongRange} instead of a deprecated {@code Object}. jOOQ
     * also does this by itself when the extensions are on the generator's class path; saying so here keeps the
     * output independent of the class path.
     */
    private static ForcedType longRange() {
        return new ForcedType()
                .withName("int8range as LongRange")
                .withUserType("org.jooq.postgres.extensions.types.LongRange")
                .withBinding("org.jooq.postgres.extensions.bindings.LongRangeBinding")
                .withIncludeTypes("(?i:(pg_catalog\\.)?int8range)");
    }

    private static Generate generate() {
        return new Generate()
                // What the API offers: tables, TableRecords, Java record POJOs, keys and indexes, enums, path joins.
                .withRecords(true)
                .withPojos(true)
                .withPojosAsJavaRecordClasses(true)
                .withDaos(false)
                .withInterfaces(false)
                .withKeys(true)
                .withIndexes(true)
                .withRelations(true)
                .withImplicitJoinPathsToOne(true)
                .withImplicitJoinPathsToMany(true)
                .withJavaTimeTypes(true)
                .withComments(true)
                .withJavadoc(true)
                // Callable functions would become Routines; jOOQ skips functions returning `trigger` (all of
                // today's functions), and the OSS edition generates no trigger metadata at all.
                .withRoutines(true)
                .withSequences(true)
                // Determinism (see shared notes jooq.md §2): nothing depends on the clock, the JDK or the platform.
                .withGeneratedAnnotation(false)
                .withGeneratedAnnotationDate(false)
                .withGeneratedAnnotationJooqVersion(false)
                .withGeneratedSerialVersionUID(GeneratedSerialVersionUID.CONSTANT)
                .withTextBlocks(GeneratedTextBlocks.ON)
                .withNewline("\n")
                .withIndentation("    ");
    }
}
