package dev.strata.it;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries: the engine depends on no front end, nothing depends on the code generator at run time, and
 * production code depends on no test tooling.
 */
@AnalyzeClasses(packages = "dev.strata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNoFrontEnd = noClasses()
            .that().resideInAPackage("dev.strata.migrations..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jooq.codegen..", "org.jooq.meta..",
                    "dev.strata.cli..", "dev.strata.codegen..", "dev.strata.api..")
            .because("the migration engine is a library that the CLI, the API and applications embed:"
                    + " it must not drag a front end, the code generator or their libraries onto their class path");

    @ArchTest
    static final ArchRule toolkitDoesNotKnowTheExampleSystem = noClasses()
            .that().resideInAPackage("dev.strata..")
            .should().dependOnClassesThat().resideInAPackage("com.example..")
            .because("the example system is the toolkit's first user, not part of it: an application gets the engine,"
                    + " the API, the test support and the CLI without the example's schema, and everything the toolkit"
                    + " needs from generated code goes through dev.strata.api.SchemaDescriptor");

    @ArchTest
    static final ArchRule onlyStrataGenerateUsesTheCodeGenerator = noClasses()
            .that().resideInAPackage("dev.strata.cli..")
            .and().doNotHaveSimpleName("GenerateCommand")
            .should().dependOnClassesThat().resideInAPackage("dev.strata.codegen..")
            .allowEmptyShould(true)
            .because("the code generator is a build-time tool: the database commands, which run in release"
                    + " pipelines, never touch it; only `strata generate` (for builds without Maven) does");

    @ArchTest
    static final ArchRule apiDoesNotNeedTheCodeGenerator = noClasses()
            .that().resideInAPackage("dev.strata.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.strata.codegen..")
            .allowEmptyShould(true)
            .because("applications ship the API at run time; the code generator only runs at build time");

    @ArchTest
    static final ArchRule productionCodeDependsOnNoTestTooling = noClasses()
            .that().resideInAnyPackage("dev.strata.migrations..", "dev.strata.api..", "dev.strata.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..",
                    "dev.strata.testing..", "org.testcontainers..")
            .because("the engine, the API and the CLI run in applications and release pipelines: JUnit, Strata's test"
                    + " support (schema-testing, which applications add in test scope) and Testcontainers must stay"
                    + " off their class path");

    @ArchTest
    static final ArchRule testSupportDependsOnNoFrontEnd = noClasses()
            .that().resideInAPackage("dev.strata.testing..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.strata.cli..", "dev.strata.api..",
                    "dev.strata.codegen..", "picocli..")
            .because("schema-testing builds on the engine alone, so an application's tests get the same migrations"
                    + " and history the CLI would apply, without the CLI or the code generator");

    @ArchTest
    static final ArchRule embeddedServersStartInOnePlace = noClasses()
            .that().resideOutsideOfPackage("dev.strata.embedded..")
            .should().dependOnClassesThat().resideInAnyPackage("io.zonky.test.db..")
            .because("every embedded PostgreSQL starts through dev.strata.embedded.EmbeddedPostgres, so that its"
                    + " secure defaults (password-only access, owner-only binaries, durability) hold everywhere");

    @ArchTest
    static final ArchRule embeddedServerDependsOnNoOtherPart = noClasses()
            .that().resideInAPackage("dev.strata.embedded..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.strata.migrations..", "dev.strata.cli..",
                    "dev.strata.api..", "dev.strata.codegen..", "dev.strata.testing..")
            .because("the embedded server is a toolkit module every other part uses; it uses none of them");

    @ArchTest
    static final ArchRule testSupportReadsTheEnvironmentInOnePlace = noClasses()
            .that().resideInAPackage("dev.strata.testing..")
            .and().doNotHaveSimpleName("TestEnvironment")
            .should().callMethodWhere(target(owner(type(System.class))).and(target(nameMatching("getenv|getProperty"))))
            .because("every variable and property that selects a test server is read in TestEnvironment, so the"
                    + " choice is a function of values a test can construct and documented in one place");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("dev.strata.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("each module must build, test and ship on its own, in a fixed order");

    @ArchTest
    static final ArchRule engineStepsAreFreeOfCycles = slices().matching("dev.strata.migrations.(*)..")
            .should().beFreeOfCycles()
            .because("each step of the engine (resolve, plan, lock, execute, history, ...) builds on earlier ones"
                    + " only, so it can be understood and tested alone");

    @ArchTest
    static final ArchRule driftNeedsOnlyTheEngineAndJdbc = classes()
            .that().resideInAPackage("dev.strata.migrations.drift..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.strata.migrations..", "java..", "javax.sql..")
            .because("drift detection reads PostgreSQL's catalog through plain JDBC and replays migrations with the"
                    + " engine's own planner and executor, so the CLI, the schema-testing module and applications can"
                    + " all embed it; it must not need a driver's internals, a front end or a test framework");

    @ArchTest
    static final ArchRule engineStepsDoNotKnowAboutDrift = noClasses()
            .that().resideInAPackage("dev.strata.migrations..")
            .and().resideOutsideOfPackage("dev.strata.migrations.drift..")
            .should().dependOnClassesThat().resideInAPackage("dev.strata.migrations.drift..")
            .because("drift detection is built on top of the engine (plan, execute, history); migrating must not"
                    + " depend on it");

    @ArchTest
    static final ArchRule engineReadsNoEnvironment = noClasses()
            .that().resideInAPackage("dev.strata.migrations..")
            .should().callMethodWhere(target(owner(type(System.class))).and(target(nameMatching("getenv|getProperty"))))
            .because("environment variables and system properties are read by the front ends, which pass them in,"
                    + " so the engine behaves the same wherever it is embedded and its tests need no environment");

    @ArchTest
    static final ArchRule engineUsesNoReflection = noClasses()
            .that().resideInAPackage("dev.strata.migrations..")
            .should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
            .because("the engine must keep working in a shaded jar and a native image, where reflection needs"
                    + " configuration; plain calls are also easier to follow");
}
