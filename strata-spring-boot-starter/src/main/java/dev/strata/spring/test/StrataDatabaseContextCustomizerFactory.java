package dev.strata.spring.test;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

import java.util.List;

/** Gives each test class annotated with {@link StrataDatabase} a context customizer of its own (so a context). */
class StrataDatabaseContextCustomizerFactory implements ContextCustomizerFactory {
    private static final String SCHEMA_TESTING = "dev.strata.testing.StandaloneTestDatabase";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, StrataDatabase.class)) {
            return null;
        }
        if (!ClassUtils.isPresent(SCHEMA_TESTING, testClass.getClassLoader())) {
            throw new IllegalStateException("@StrataDatabase on " + testClass.getName() + " needs Strata's test"
                    + " support on the test class path: add the dependency dev.strata:schema-testing in test scope");
        }
        return new StrataDatabaseContextCustomizer(testClass);
    }
}
