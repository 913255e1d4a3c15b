package dev.strata.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema API's own rules, which need its class path (the dependency rules are in integration-tests'
 * ArchitectureTest): its exceptions are StrataExceptions, and the code generator is not on its class path at all.
 */
@AnalyzeClasses(packages = "dev.strata", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

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
