package dev.strata.it;

import com.tngtech.archunit.core.domain.JavaClass;
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
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries: the engine depends on no front end, nothing depends on the code generator at run time, and
 * production code depends on no test tooling; the engine's steps are layered; libraries do not print. Each rule is
 * written once, here (the modules' own architecture tests keep only what needs their class path); the public API's
 * rule is {@link PublicApiTest}.
 */
@AnalyzeClasses(packages = "dev.strata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNoFrontEnd = noClasses()
            .that().resideInAPackage("dev.strata.migrations..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.strata.cli..", "dev.strata.codegen..",
                    "dev.strata.api..")
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
    static final ArchRule cliOutputKnowsNoCommand = noClasses()
            .that().resideInAPackage("dev.strata.cli.output..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.strata.cli.command..", "dev.strata.cli.database..",
                    "dev.strata.cli.fleet..")
            .because("the CLI's renderers turn result values into text and JSON: a command gathers the values, so a"
                    + " renderer can be tested without a database, a server or a command line");

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
                    "dev.strata.testing..", "dev.strata.testserver..", "org.testcontainers..")
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
                    "dev.strata.api..", "dev.strata.codegen..", "dev.strata.testing..", "dev.strata.testserver..")
            .because("the embedded server is a toolkit module every other part uses; it uses none of them");

    @ArchTest
    static final ArchRule testServerBuildsOnTheEmbeddedServerAlone = noClasses()
            .that().resideInAPackage("dev.strata.testserver..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.strata.migrations..", "dev.strata.cli..",
                    "dev.strata.api..", "dev.strata.codegen..", "dev.strata.testing..")
            .because("strata-test-server sits just above the embedded server, so every module's tests (the engine's"
                    + " included) can run on the server it chooses");

    @ArchTest
    static final ArchRule testSupportReadsTheEnvironmentInOnePlace = noClasses()
            .that().resideInAnyPackage("dev.strata.testing..", "dev.strata.testserver..")
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
    static final ArchRule onlyTheGeneratorUsesJooqCodegen = noClasses()
            .that().resideOutsideOfPackage("dev.strata.codegen..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq.codegen..", "org.jooq.meta..")
            .because("jOOQ's code generator and meta model are build-time tools: only dev.strata.codegen may use"
                    + " them, so they never end up on an application's class path");

    @ArchTest
    static final ArchRule theGeneratorDoesNotUseTheGeneratedCode = noClasses()
            .that().resideInAPackage("dev.strata.codegen..")
            .should().dependOnClassesThat().resideInAnyPackage("com.example..", "dev.strata.api..")
            .because("the generator must work when the generated code is missing or stale; it reads"
                    + " SchemaVersion.java as text");

    /**
     * The engine's steps, the root package (Migrator, the facade) included, each using only those below it. Named
     * exception: DatabaseConnectionException (root) redacts URLs with config's DatabaseUrl. TODO(issue #18): move the
     * redaction below the root package (core) and drop the exception.
     */
    @ArchTest
    static final ArchRule engineStepsAreLayered = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("dev.strata.migrations.core..", "dev.strata.migrations.sql..")
            .layer("Resolve").definedBy("dev.strata.migrations.resolve..")
            .layer("History").definedBy("dev.strata.migrations.history..")
            .layer("Plan").definedBy("dev.strata.migrations.plan..")
            .layer("Execute").definedBy("dev.strata.migrations.execute..")
            .layer("Lock").definedBy("dev.strata.migrations.lock..")
            .layer("Engine").definedBy("dev.strata.migrations")
            .layer("Config").definedBy("dev.strata.migrations.config..")
            .layer("Adopt").definedBy("dev.strata.migrations.adopt..")
            .layer("Drift").definedBy("dev.strata.migrations.drift..")
            .layer("Lint").definedBy("dev.strata.migrations.lint..")
            .layer("Fleet").definedBy("dev.strata.migrations.fleet..")
            .whereLayer("Core").mayNotAccessAnyLayer()
            .whereLayer("Resolve").mayOnlyAccessLayers("Core")
            .whereLayer("History").mayOnlyAccessLayers("Core")
            .whereLayer("Plan").mayOnlyAccessLayers("Core", "Resolve", "History")
            .whereLayer("Execute").mayOnlyAccessLayers("Core", "Resolve", "History", "Plan")
            .whereLayer("Lock").mayOnlyAccessLayers("Core", "Execute")
            .whereLayer("Engine").mayOnlyAccessLayers("Core", "Resolve", "History", "Plan", "Execute", "Lock")
            .whereLayer("Config").mayOnlyAccessLayers("Core", "Resolve", "Plan", "Engine")
            .whereLayer("Adopt").mayOnlyAccessLayers("Core", "Resolve", "History", "Lock", "Engine")
            .whereLayer("Drift").mayOnlyAccessLayers("Core", "Resolve", "History", "Plan", "Execute", "Engine",
                    "Config")
            .whereLayer("Lint").mayOnlyAccessLayers("Core", "Resolve", "History", "Plan", "Execute", "Engine",
                    "Config")
            .whereLayer("Fleet").mayOnlyAccessLayers("Core", "Resolve", "History", "Plan", "Execute", "Lock",
                    "Engine", "Config", "Lint", "Drift", "Adopt")
            .ignoreDependency(JavaClass.Predicates.type(dev.strata.migrations.DatabaseConnectionException.class),
                    JavaClass.Predicates.type(dev.strata.migrations.config.DatabaseUrl.class))
            .because("resolve -> history -> plan -> execute is the engine's one direction of data: each step builds"
                    + " on the ones before it only, the facade (Migrator) on all of them, and configuration, adoption,"
                    + " drift and fleets on top; nothing below knows them");

    @ArchTest
    static final ArchRule coreDependsOnNothingElseOfStrata = noClasses()
            .that().resideInAPackage("dev.strata.migrations.core..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.strata..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("dev.strata.migrations.core..")))
            .because("core's values are public API that every step shares (engineStepsAreLayered puts sql in the"
                    + " same layer): a value that needed the splitter, the planner or any internal step would show it"
                    + " to applications, so the steps make the values and the values only hold them");

    @ArchTest
    static final ArchRule everyEnginePackageIsInALayer = classes()
            .that().resideInAPackage("dev.strata.migrations..")
            .should().resideInAnyPackage("dev.strata.migrations", "dev.strata.migrations.core..",
                    "dev.strata.migrations.sql..", "dev.strata.migrations.resolve..", "dev.strata.migrations.history..",
                    "dev.strata.migrations.plan..", "dev.strata.migrations.execute..", "dev.strata.migrations.lock..",
                    "dev.strata.migrations.config..", "dev.strata.migrations.adopt..", "dev.strata.migrations.drift..",
                    "dev.strata.migrations.lint..", "dev.strata.migrations.fleet..")
            .because("a new engine package must take its place in engineStepsAreLayered (which ignores packages it"
                    + " does not name), so the layering keeps covering the whole engine");

    @ArchTest
    static final ArchRule librariesDoNotPrintToTheConsole = noClasses()
            .that().resideInAnyPackage("dev.strata.migrations..", "dev.strata.api..", "dev.strata.testing..",
                    "dev.strata.codegen..", "dev.strata.embedded..")
            .and().doNotHaveFullyQualifiedName("dev.strata.codegen.Regenerate")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("a library runs inside someone else's application or build, whose logging decides where"
                    + " messages go: report through return values, exceptions or SLF4J (Regenerate's main, a"
                    + " command-line entry point, is the one place that writes to the console)");

    @ArchTest
    static final ArchRule driftNeedsOnlyTheEngineAndJdbc = classes()
            .that().resideInAPackage("dev.strata.migrations.drift..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.strata.migrations..", "java..", "javax.sql..")
            .because("drift detection reads PostgreSQL's catalog through plain JDBC and replays migrations with the"
                    + " engine's own planner and executor, so the CLI, the schema-testing module and applications can"
                    + " all embed it; it must not need a driver's internals, a front end or a test framework");

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
