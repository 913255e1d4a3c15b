package dev.strata.testing;

import dev.strata.testserver.TestEnvironment;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The JUnit 5 extension behind {@link MigratedDatabase}.
 *
 * <ul>
 *   <li>before all tests of a class: the server (one per JVM, held in the root store so it stops when the run ends)
 *   and the template database for the class's migration settings (migrated once per JVM); a bad configuration or
 *   a failing migration fails the class here, naming the location or file;</li>
 *   <li>before each test: a copy of the template, dropped after the test (after its {@code @AfterEach} methods);</li>
 *   <li>parameters: {@link DataSource}, {@link DSLContext}, {@link Connection}, {@link TestDatabase} of that copy.</li>
 * </ul>
 */
public final class MigratedDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MigratedDatabaseExtension.class);
    private static final String DATABASE = "database";
    private static final Set<Class<?>> PARAMETER_TYPES =
            Set.of(DataSource.class, DSLContext.class, Connection.class, TestDatabase.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        DatabaseRequest request = DatabaseRequest.of(testClass, TestEnvironment.current());
        server(context, request).template(request.settings(), request.lint(), testClass.getClassLoader());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        DatabaseRequest request = DatabaseRequest.of(testClass, TestEnvironment.current());
        ServerTemplates server = server(context, request);
        IsolatedDatabase database = IsolatedDatabase.create(server,
                server.template(request.settings(), request.lint(), testClass.getClassLoader()));
        context.getStore(NAMESPACE).put(DATABASE, database);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        IsolatedDatabase database = context.getStore(NAMESPACE).remove(DATABASE, IsolatedDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return PARAMETER_TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        IsolatedDatabase database = context.getTestMethod().isEmpty() ? null
                : context.getStore(NAMESPACE).get(DATABASE, IsolatedDatabase.class);
        if (database == null) {
            throw new ParameterResolutionException("@MigratedDatabase gives each test method its own database, so a "
                    + type.getSimpleName() + " can be a parameter of test methods and @BeforeEach/@AfterEach methods"
                    + " only, not of " + describe(parameter.getDeclaringExecutable()) + ": set data up in @BeforeEach");
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == DSLContext.class) {
            return database.dsl();
        }
        if (type == TestDatabase.class) {
            return database.info();
        }
        try {
            return database.connection();
        } catch (SQLException e) {
            throw new ParameterResolutionException("cannot open a connection to " + database + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Executable executable) {
        return executable instanceof Constructor ? "the constructor of " + executable.getDeclaringClass().getName()
                : executable.getDeclaringClass().getName() + "." + executable.getName() + "(…)";
    }

    /** The server (started on first use) and its templates; the lease lives in the root store, for the whole run. */
    private static ServerTemplates server(ExtensionContext context, DatabaseRequest request) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(request.server(), SharedServers::acquire, SharedServers.Lease.class)
                .templates();
    }
}
