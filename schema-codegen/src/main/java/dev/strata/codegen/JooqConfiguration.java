package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;
import org.jooq.codegen.DefaultGenerator;
import org.jooq.codegen.JavaGenerator;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.GeneratedSerialVersionUID;
import org.jooq.meta.jaxb.GeneratedTextBlocks;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.OnError;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;
import org.jooq.meta.postgres.PostgresDatabase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * jOOQ's code generator configuration for a {@link CodegenSettings}. The user's jOOQ block (a {@code <generator>}
 * as in jOOQ's own manual: {@code generate}, {@code strategy}, {@code database/forcedTypes}, …) is the starting
 * point with jOOQ's defaults; Strata then sets what it owns:
 * <ul>
 *   <li>the database: PostgreSQL, the settings' schemas, includes and excludes (the history table is always
 *       excluded); the user's forced types stay;
 *   <li>the target: package, directory, UTF-8, locale {@code en}, clean;
 *   <li>determinism: no {@code @Generated} annotation or date, text blocks on (not detected from the running JDK),
 *       {@code \n} newlines, four-space indentation, a constant serialVersionUID, so two runs write the same bytes.
 * </ul>
 */
public final class JooqConfiguration {

    private JooqConfiguration() {
    }

    public static Configuration of(CodegenSettings settings, Path sourceRoot) {
        Generator generator = settings.jooq().orElseGet(Generator::new);
        if (generator.getName() == null || generator.getName().equals(DefaultGenerator.class.getName())) {
            generator.setName(JavaGenerator.class.getName());
        }
        generator.setDatabase(database(settings, generator.getDatabase() == null ? new Database() : generator.getDatabase()));
        generator.setGenerate(deterministic(generator.getGenerate() == null ? new Generate() : generator.getGenerate()));
        generator.setTarget(new Target()
                .withPackageName(settings.packageName())
                .withDirectory(sourceRoot.toAbsolutePath().toString())
                .withEncoding("UTF-8")
                .withLocale("en")
                .withClean(true));
        return new Configuration()
                .withLogging(Logging.WARN)
                .withOnError(OnError.FAIL)
                .withGenerator(generator);
    }

    /**
     * The configuration as text without the output directory: what the generated code depends on besides the
     * migrations, recorded (as a digest) in the descriptor class so a changed setting regenerates.
     */
    public static String describe(CodegenSettings settings) {
        return of(settings, Path.of("/")).getGenerator().withTarget(new Target()
                .withPackageName(settings.packageName())).toString();
    }

    private static Database database(CodegenSettings settings, Database database) {
        database.setName(PostgresDatabase.class.getName());
        if (settings.schemas().size() == 1) {
            database.setInputSchema(settings.schemas().get(0));
            database.setSchemata(new ArrayList<>());
        } else {
            database.setInputSchema(null);
            database.setSchemata(new ArrayList<>(settings.schemas().stream()
                    .map(schema -> new SchemaMappingType().withInputSchema(schema)).toList()));
        }
        database.setIncludes(settings.includes().isEmpty() ? ".*" : alternatives(settings.includes()));
        List<String> excludes = new ArrayList<>(settings.excludes());
        excludes.add(Pattern.quote(MigrationSettings.DEFAULT_TABLE));
        database.setExcludes(alternatives(excludes));
        database.setIncludeSystemIndexes(false);
        database.setIncludeSystemSequences(false);
        // int8range and the like become jooq-postgres-extensions types by jOOQ's own
        // forcedTypesForBuiltinDataTypeExtensions: that jar is a dependency of this module, always on the class path.
        database.setForcedTypesForBuiltinDataTypeExtensions(true);
        return database;
    }

    private static String alternatives(List<String> patterns) {
        return String.join("|", patterns.stream().map(pattern -> "(?:" + pattern + ")").toList());
    }

    /** Determinism (see shared notes jooq.md §2): nothing depends on the clock, the JDK or the platform. */
    private static Generate deterministic(Generate generate) {
        return generate
                .withGeneratedAnnotation(false)
                .withGeneratedAnnotationDate(false)
                .withGeneratedAnnotationJooqVersion(false)
                .withGeneratedSerialVersionUID(GeneratedSerialVersionUID.CONSTANT)
                .withTextBlocks(GeneratedTextBlocks.ON)
                .withNewline("\n")
                .withIndentation("    ");
    }
}
