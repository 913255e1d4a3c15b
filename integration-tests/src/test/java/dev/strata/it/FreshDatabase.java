package dev.strata.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves each {@link TestDatabase} parameter to a database of its own, dropped when the test ends (or the class,
 * for a {@code @BeforeAll} parameter). JUnit closes the {@link AutoCloseable} values of a store when its scope ends.
 */
public final class FreshDatabase implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = TestDatabase.create();
        context.getStore(NAMESPACE).put(database.name(), database);
        return database;
    }
}
