package dev.strata.testing;

import dev.strata.migrations.core.Location;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration files of {@code classpath:} locations that come from a jar on the test class path, i.e. from a
 * dependency rather than from the project's own resources. The engine names every file {@code classpath:<path>},
 * wherever it was found; a test author who follows such a name to "fix" a file would be editing someone else's
 * artifact, so errors say which jar a file is in and that it comes from a dependency.
 *
 * @param jarOfFile the engine's name of each such file ({@code classpath:db/migration/V1__init.sql}) and the file
 *                  name of its jar
 */
record DependencyJars(Map<String, String> jarOfFile) {

    DependencyJars {
        jarOfFile = Map.copyOf(jarOfFile);
    }

    /** Lists the {@code .sql} files below each classpath location that are inside a jar; unreadable jars are skipped. */
    static DependencyJars scan(List<Location> locations, ClassLoader classLoader) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Location location : locations) {
            if (location instanceof Location.Classpath classpath) {
                try {
                    Enumeration<URL> roots = classLoader.getResources(classpath.path());
                    while (roots.hasMoreElements()) {
                        URL root = roots.nextElement();
                        if ("jar".equals(root.getProtocol())) {
                            found.putAll(sqlEntries(root, classpath.path() + "/"));
                        }
                    }
                } catch (IOException | URISyntaxException e) {
                    // Only used to word an error better: a jar that cannot be listed is simply not named.
                }
            }
        }
        return new DependencyJars(found);
    }

    private static Map<String, String> sqlEntries(URL root, String prefix) throws IOException, URISyntaxException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        String jarName = Path.of(connection.getJarFileURL().toURI()).getFileName().toString();
        Map<String, String> entries = new LinkedHashMap<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                String name = all.nextElement().getName();
                if (name.startsWith(prefix) && name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    entries.put(Location.CLASSPATH_PREFIX + name, jarName);
                }
            }
        }
        return entries;
    }

    /** The jars of the files {@code text} names, in the order of the first mention. */
    List<String> jarsNamedIn(String text) {
        return jarOfFile.entrySet().stream()
                .filter(file -> text.contains(file.getKey()))
                .sorted(Comparator.comparingInt(file -> text.indexOf(file.getKey())))
                .map(Map.Entry::getValue).distinct().toList();
    }

    /** {@code text} with each file of a jar followed by where it really is: {@code (in x.jar, a dependency)}. */
    String annotate(String text) {
        String result = text;
        for (Map.Entry<String, String> file : jarOfFile.entrySet()) {
            Matcher matcher = Pattern.compile(Pattern.quote(file.getKey()) + "(?::\\d+)*").matcher(result);
            String where = " (in " + file.getValue() + ", a dependency)";
            result = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group() + where));
        }
        return result;
    }
}
