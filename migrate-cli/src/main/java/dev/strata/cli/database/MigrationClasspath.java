package dev.strata.cli.database;

import dev.strata.migrations.config.ConfigurationException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code classpath:} locations are read from: strata's own class path, or with {@code --classpath} the given
 * jars and directories alone (an application's jar), so that a location is never read from strata.jar by accident.
 */
public final class MigrationClasspath implements AutoCloseable {
    private final ClassLoader classLoader;
    private final Optional<URLClassLoader> owned;

    private MigrationClasspath(ClassLoader classLoader, Optional<URLClassLoader> owned) {
        this.classLoader = classLoader;
        this.owned = owned;
    }

    public static MigrationClasspath of(List<Path> entries, Path workingDirectory) {
        if (entries == null || entries.isEmpty()) {
            return new MigrationClasspath(MigrationClasspath.class.getClassLoader(), Optional.empty());
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            Path path = workingDirectory.resolve(entry);
            if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                throw new ConfigurationException("--classpath " + entry + " does not exist (resolved to "
                        + path.toAbsolutePath() + ")", "name the application's jar (or a directory of classes and "
                        + "resources), e.g. --classpath target/app.jar");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigurationException("--classpath " + entry + " is not a usable path: " + e.getMessage(),
                        "name the application's jar, e.g. --classpath target/app.jar", e);
            }
        }
        // The platform loader as parent: resources come from the given entries only, never from strata.jar.
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return new MigrationClasspath(loader, Optional.of(loader));
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    @Override
    public void close() {
        owned.ifPresent(loader -> {
            try {
                loader.close();
            } catch (IOException ignored) {
                // Only open jar files to release; the process ends soon after.
            }
        });
    }
}
