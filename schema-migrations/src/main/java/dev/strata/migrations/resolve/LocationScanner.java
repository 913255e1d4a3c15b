package dev.strata.migrations.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the {@code .sql} files below a location, recursively, on disk or inside jars. */
final class LocationScanner {
    private final ClassLoader classLoader;

    LocationScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    List<ScriptFile> scan(Location location) {
        try {
            if (location instanceof Location.Filesystem filesystem) {
                return scanFilesystem(filesystem);
            }
            return scanClasspath((Location.Classpath) location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration location " + location + ": " + e.getMessage(), e);
        }
    }

    private List<ScriptFile> scanFilesystem(Location.Filesystem location) throws IOException {
        Path directory = location.directory();
        if (!Files.exists(directory)) {
            throw new LocationNotFoundException(location, "does not exist (resolved to " + directory.toAbsolutePath() + ")");
        }
        if (!Files.isDirectory(directory)) {
            throw new LocationNotFoundException(location, "is not a directory");
        }
        return readDirectory(directory, directory.toString());
    }

    private static List<ScriptFile> readDirectory(Path directory, String displayRoot) throws IOException {
        List<ScriptFile> files = new ArrayList<>();
        // walkFileTree hands over each file's attributes from the directory walk: one stat per file, not two.
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                String name = path.getFileName().toString();
                // A symbolic link counts when it points at a regular file, as Files.isRegularFile says.
                boolean regular = attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(path);
                if (isSqlFile(name) && regular) {
                    String display = displayRoot + "/" + directory.relativize(path).toString().replace('\\', '/');
                    files.add(new ScriptFile(name, display, () -> Files.readAllBytes(path)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private List<ScriptFile> scanClasspath(Location.Classpath location) throws IOException {
        List<ScriptFile> files = new ArrayList<>();
        Enumeration<URL> roots = classLoader.getResources(location.path());
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            switch (root.getProtocol()) {
                case "file" -> files.addAll(readDirectory(toPath(root), location.toString()));
                case "jar" -> files.addAll(readJar(root, location));
                default -> throw new IOException("unsupported class path URL " + root);
            }
        }
        return files;
    }

    private static Path toPath(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("malformed class path URL " + url, e);
        }
    }

    private static List<ScriptFile> readJar(URL root, Location.Classpath location) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        List<ScriptFile> files = new ArrayList<>();
        String prefix = location.path() + "/";
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String entryName = entry.getName();
                if (!entry.isDirectory() && entryName.startsWith(prefix) && isSqlFile(entryName)) {
                    String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.add(ScriptFile.of(fileName, Location.CLASSPATH_PREFIX + entryName, in.readAllBytes()));
                    }
                }
            }
        }
        return files;
    }

    private static boolean isSqlFile(String name) {
        return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
    }
}
