package dev.strata.codegen;

import org.jooq.codegen.JavaGenerator;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.GeneratedTextBlocks;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.postgres.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodegenSettingsTest {

    @Test
    void defaultsAreWhatAUserExpects() {
        CodegenSettings settings = CodegenSettings.forPackage("com.example.db");
        assertThat(settings.migrations()).containsExactly(Path.of("src/main/resources/db/migration"));
        assertThat(settings.outputDirectory()).isEqualTo(Path.of("target/generated-sources/strata"));
        assertThat(settings.packageDirectory()).isEqualTo(Path.of("target/generated-sources/strata/com/example/db"));
        assertThat(settings.schemas()).containsExactly("public");
        assertThat(settings.includes()).isEmpty();
        assertThat(settings.excludes()).isEmpty();
        assertThat(settings.postgresVersion()).isEmpty();
        assertThat(settings.jooq()).isEmpty();
    }

    @Test
    void badValuesAreRejectedWithTheSettingsName() {
        assertThatThrownBy(() -> CodegenSettings.forPackage(""))
                .hasMessage("invalid code generation setting package: none given");
        assertThatThrownBy(() -> CodegenSettings.forPackage("com.example-db"))
                .hasMessage("invalid code generation setting package: com.example-db");
        CodegenSettings settings = CodegenSettings.forPackage("a");
        assertThatThrownBy(() -> settings.withExcludes(List.of("tmp_(")))
                .isInstanceOf(CodegenException.class).hasMessage("invalid code generation setting excludes: tmp_(");
        assertThatThrownBy(() -> settings.withSchemas(List.of())).hasMessageContaining("schemas");
        assertThatThrownBy(() -> settings.withMigrations(List.of())).hasMessageContaining("migration locations");
        assertThatThrownBy(() -> settings.withPostgresVersion(Optional.of("latest")))
                .hasMessage("invalid code generation setting postgresVersion: latest");
    }

    @Test
    void theJooqBlockCannotBeChangedThroughTheValue() {
        Generator generator = new Generator().withGenerate(new Generate().withDaos(true));
        CodegenSettings settings = CodegenSettings.forPackage("a").withJooq(Optional.of(generator));
        generator.getGenerate().setDaos(false);
        settings.jooq().orElseThrow().getGenerate().setDaos(false);
        assertThat(settings.jooq().orElseThrow().getGenerate().isDaos()).isTrue();
    }

    @Test
    void theJooqBlockPassesThroughAndStrataSetsWhatItOwns() {
        Generator user = new Generator()
                .withStrategy(new Strategy().withName("com.example.MyNaming"))
                .withGenerate(new Generate().withPojos(true).withDaos(true).withTextBlocks(GeneratedTextBlocks.OFF)
                        .withGeneratedAnnotation(true))
                .withDatabase(new Database().withIncludes("ignored").withForcedTypes(new ForcedType()
                        .withName("BOOLEAN").withIncludeExpression(".*\\.is_.*")));
        CodegenSettings settings = CodegenSettings.forPackage("com.example.db").withJooq(Optional.of(user))
                .withSchemas(List.of("app", "audit")).withIncludes(List.of("orders", "lines"))
                .withExcludes(List.of("tmp_.*"));

        Configuration configuration = JooqConfiguration.of(settings, Path.of("/out"));

        Generator generator = configuration.getGenerator();
        assertThat(generator.getName()).isEqualTo(JavaGenerator.class.getName());
        assertThat(generator.getStrategy().getName()).isEqualTo("com.example.MyNaming");
        assertThat(generator.getGenerate().isPojos()).isTrue();
        assertThat(generator.getGenerate().isDaos()).isTrue();
        assertThat(generator.getGenerate().isGeneratedAnnotation()).as("determinism wins").isFalse();
        assertThat(generator.getGenerate().getTextBlocks()).isEqualTo(GeneratedTextBlocks.ON);
        Database database = generator.getDatabase();
        assertThat(database.getName()).isEqualTo(PostgresDatabase.class.getName());
        assertThat(database.getSchemata()).extracting(schema -> schema.getInputSchema()).containsExactly("app", "audit");
        assertThat(database.getIncludes()).isEqualTo("(?:orders)|(?:lines)");
        assertThat(database.getExcludes()).isEqualTo("(?:tmp_.*)|(?:\\Qstrata_schema_history\\E)");
        assertThat(database.getForcedTypes()).extracting(ForcedType::getName)
                .containsExactly("BOOLEAN");
        assertThat(generator.getTarget().getPackageName()).isEqualTo("com.example.db");
        assertThat(generator.getTarget().getDirectory()).isEqualTo(Path.of("/out").toAbsolutePath().toString());
        assertThat(JooqConfiguration.describe(settings)).doesNotContain("<directory>/out").contains("com.example.db");
    }

    @Test
    void postgresVersionsResolveToTheBundledBinariesOrAskTheLocator() {
        PostgresBinaries bundled = PostgresBinaries.bundled();
        assertThat(bundled.version()).matches("\\d+\\.\\d+\\.\\d+");
        String major = bundled.version().substring(0, bundled.version().indexOf('.'));
        PostgresBinaries.Locator none = PostgresBinaries.bundledOnly("use the plugin");
        assertThat(PostgresBinaries.select(Optional.empty(), none)).isEqualTo(bundled);
        assertThat(PostgresBinaries.select(Optional.of(bundled.version()), none)).isEqualTo(bundled);
        assertThat(PostgresBinaries.fullVersion("16")).isEqualTo("16.15.0");
        assertThat(PostgresBinaries.fullVersion("16.4.0")).isEqualTo("16.4.0");
        String other = major.equals("16") ? "15" : "16";
        assertThatThrownBy(() -> PostgresBinaries.select(Optional.of(other), none))
                .isInstanceOf(CodegenException.class).hasMessageContaining("only the bundled PostgreSQL");
        assertThatThrownBy(() -> PostgresBinaries.fullVersion("9")).hasMessageContaining("not a major Strata knows");
    }
}
