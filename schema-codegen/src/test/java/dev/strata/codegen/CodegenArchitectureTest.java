package dev.strata.codegen;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Architecture rules of issue #3 seen from the generator's class path (engine + generator). */
@AnalyzeClasses(packages = "dev.strata", importOptions = ImportOption.DoNotIncludeTests.class)
class CodegenArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheGeneratorUsesJooqCodegen = noClasses()
            .that().resideOutsideOfPackage("dev.strata.codegen..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq.codegen..", "org.jooq.meta..")
            .because("jOOQ's code generator and meta model are build-time tools: only dev.strata.codegen may use"
                    + " them, so they never end up on an application's class path");

    @ArchTest
    static final ArchRule theEngineDoesNotKnowTheGenerator = noClasses()
            .that().resideInAPackage("dev.strata.migrations..")
            .should().dependOnClassesThat().resideInAPackage("dev.strata.codegen..")
            .because("the generator builds on the engine (Migrator, MigrationResolver, Checksum), not the reverse");

    @ArchTest
    static final ArchRule theGeneratorDoesNotUseTheGeneratedCode = noClasses()
            .that().resideInAPackage("dev.strata.codegen..")
            .should().dependOnClassesThat().resideInAnyPackage("com.example..", "dev.strata.api..")
            .because("the generator must work when the generated code is missing or stale; it reads"
                    + " SchemaVersion.java as text");
}
