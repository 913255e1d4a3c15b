package dev.strata.spring;

import dev.strata.api.SchemaDescriptor;
import dev.strata.migrations.config.ConfigurationException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the generated {@link SchemaDescriptor} to verify against: the class {@code strata.schema-version-class}
 * names, else the one class implementing it in the application's packages (those of {@code @SpringBootApplication}).
 */
final class SchemaDescriptors {
    static final String PROPERTY = "strata.schema-version-class";

    private SchemaDescriptors() {
    }

    /**
     * @param named    the property's value, if set
     * @param packages where to look when it is not set
     * @throws ConfigurationException for a named class that is missing or not a descriptor, or several found
     */
    static Optional<SchemaDescriptor> find(Optional<String> named, List<String> packages, ClassLoader classLoader) {
        if (named.isPresent()) {
            return Optional.of(load(named.get().strip(), classLoader, PROPERTY + "=" + named.get().strip()));
        }
        TreeSet<String> found = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
        scanner.addIncludeFilter(new AssignableTypeFilter(SchemaDescriptor.class));
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                found.add(candidate.getBeanClassName());
            }
        }
        if (found.size() > 1) {
            throw new ConfigurationException("found " + found.size() + " classes implementing "
                    + SchemaDescriptor.class.getName() + " in " + packages + ": " + String.join(", ", found)
                    + "; Strata cannot tell which one this application's code was generated with",
                    "set " + PROPERTY + " to one of them");
        }
        return found.stream().findFirst().map(name -> load(name, classLoader, "found in " + packages));
    }

    private static SchemaDescriptor load(String className, ClassLoader classLoader, String origin) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("the schema descriptor class " + className + " (" + origin
                    + ") is not on the class path", "name the generated SchemaVersion class of your package, e.g."
                    + " com.example.db.SchemaVersion, or leave " + PROPERTY + " unset to find it", e);
        }
        if (!SchemaDescriptor.class.isAssignableFrom(type)) {
            throw new ConfigurationException(className + " (" + origin + ") does not implement "
                    + SchemaDescriptor.class.getName(), "name the SchemaVersion class Strata generated");
        }
        try {
            Field instance = type.getField("INSTANCE");
            if (!Modifier.isStatic(instance.getModifiers()) || !(instance.get(null) instanceof SchemaDescriptor)) {
                throw new NoSuchFieldException("INSTANCE");
            }
            return (SchemaDescriptor) instance.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new ConfigurationException(className + " (" + origin + ") has no public static INSTANCE field"
                    + " holding the descriptor", "regenerate it with Strata's generator, which writes one", e);
        }
    }
}
