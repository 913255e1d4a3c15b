package dev.strata.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether each package of the toolkit is public API or internal, as its {@code package-info.java} says with a
 * {@code <b>Public API</b>} or {@code <b>Internal</b>} paragraph. Read from the sources of every module the root POM
 * lists, except the repository's own (integration tests, benchmarks) and the example system, so a new module or package
 * is covered the day it appears.
 */
final class PackageRoles {
    enum Role { PUBLIC_API, INTERNAL }

    private static final List<String> NOT_TOOLKIT = List.of("integration-tests", "benchmarks", "examples/");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern MARKER = Pattern.compile("<b>(Public API|Internal)</b>");

    /** A package's directory of main sources, and the role its package-info declares (empty: none or no marker). */
    record SourcePackage(String name, Path directory, Optional<Role> role) {
    }

    private PackageRoles() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("strata.projectRoot", ".."));
    }

    /** Every package with a Java file in a toolkit module's {@code src/main/java}, by name. */
    static Map<String, SourcePackage> toolkitPackages() {
        Map<String, SourcePackage> packages = new TreeMap<>();
        for (String module : toolkitModules()) {
            Path sources = projectRoot().resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).map(Path::getParent).distinct()
                        .forEach(directory -> {
                            String name = sources.relativize(directory).toString().replace('/', '.');
                            packages.put(name, new SourcePackage(name, directory, role(directory)));
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return packages;
    }

    /** The packages whose package-info says they are public API. */
    static List<String> publicApi() {
        return toolkitPackages().values().stream().filter(p -> p.role().equals(Optional.of(Role.PUBLIC_API)))
                .map(SourcePackage::name).toList();
    }

    private static List<String> toolkitModules() {
        try {
            Matcher modules = MODULE.matcher(Files.readString(projectRoot().resolve("pom.xml")));
            return modules.results().map(match -> match.group(1).strip())
                    .filter(module -> NOT_TOOLKIT.stream().noneMatch(module::startsWith)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Role> role(Path directory) {
        Path info = directory.resolve("package-info.java");
        if (!Files.isRegularFile(info)) {
            return Optional.empty();
        }
        try {
            List<Role> roles = MARKER.matcher(Files.readString(info)).results()
                    .map(match -> match.group(1).equals("Internal") ? Role.INTERNAL : Role.PUBLIC_API)
                    .distinct().toList();
            return roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
