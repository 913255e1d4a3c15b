package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the {@code .sql} files below a location, recursively, on disk or inside jars, with the files other tools keep
 * beside them ({@code .go} migrations, temporal-sql-tool's {@code manifest.json}) so that none is passed over
 * unseen.
 */
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
        } catch (DanglingLink e) {
            throw new LocationNotFoundException(location, "holds a broken symbolic link: " + e.link
                    + " points at " + e.target + ", which does not exist",
                    "restore the link's target, or remove the link");
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
        // Links are followed (a location or a directory in it may be one); a link back to a directory being walked
        // is reported as a loop and skipped, since its files are read already.
        Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                String name = path.getFileName().toString();
                if (attributes.isSymbolicLink()) {
                    // Following links, the walk only reports a link itself when its target cannot be read.
                    throw new DanglingLink(displayRoot + "/" + directory.relativize(path).toString().replace('\\', '/'),
                            Files.readSymbolicLink(path).toString());
                }
                if (isListed(name) && attributes.isRegularFile()) {
                    String display = displayRoot + "/" + directory.relativize(path).toString().replace('\\', '/');
                    files.add(new ScriptFile(name, display, () -> Files.readAllBytes(path)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return files;
    }

    /** A symbolic link in a location whose target does not exist. */
    static final class DanglingLink extends IOException {
        private final String link;
        private final String target;

        DanglingLink(String link, String target) {
            super(link + " is a symbolic link to " + target + ", which does not exist");
            this.link = link;
            this.target = target;
        }
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

    /** Whether any class path entry has the location's directory, with or without files in it. */
    boolean exists(Location.Classpath location) {
        try {
            return classLoader.getResources(location.path()).hasMoreElements();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration location " + location + ": " + e.getMessage(), e);
        }
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
                if (!entry.isDirectory() && entryName.startsWith(prefix) && isListed(entryName)) {
                    String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.add(ScriptFile.of(fileName, Location.CLASSPATH_PREFIX + entryName, in.readAllBytes()));
                    }
                }
            }
        }
        return files;
    }

    static boolean isSqlFile(String name) {
        return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
    }

    private static boolean isListed(String name) {
        return isSqlFile(name) || name.endsWith(".go") || name.endsWith(TemporalManifest.FILE_NAME);
    }
}
