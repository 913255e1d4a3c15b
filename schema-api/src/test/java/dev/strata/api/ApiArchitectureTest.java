package dev.strata.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The architecture rules of the schema API (issue #3): it is a runtime library, generation stays in schema-codegen. */
@AnalyzeClasses(packages = "dev.strata", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule theApiDoesNotDependOnTheGenerator = noClasses()
            .that().resideInAPackage("dev.strata.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.strata.codegen..", "org.jooq.codegen..",
                    "org.jooq.meta..")
            .because("schema-api is what applications put on their class path: their generated code is compiled"
                    + " with the application, so nothing at run time may need the code generator, jOOQ's codegen or its"
                    + " meta model");

    @ArchTest
    static final ArchRule schemaMismatchIsAStrataException = classes()
            .that().haveSimpleNameEndingWith("Exception").and().resideInAPackage("dev.strata.api..")
            .should().beAssignableTo(dev.strata.migrations.core.StrataException.class)
            .because("front ends map every StrataException to a message, a hint and an exit code");

    @Test
    void theCodeGeneratorIsNotOnTheApisClassPath() {
        ClassLoader loader = ApiArchitectureTest.class.getClassLoader();
        assertThatThrownBy(() -> Class.forName("org.jooq.codegen.GenerationTool", false, loader))
                .as("schema-api must not depend on jooq-codegen, even transitively")
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("dev.strata.codegen.Regenerate", false, loader))
                .as("schema-api must not depend on schema-codegen")
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.jooq.meta.Database", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
