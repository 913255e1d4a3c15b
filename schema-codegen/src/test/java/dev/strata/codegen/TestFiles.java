package dev.strata.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File helpers for the generator's tests. */
final class TestFiles {
    static final String PACKAGE = "com.example.inventory";

    private TestFiles() {
    }

    /** The generator tests' own migrations (src/test/resources/fixture-migrations): read only, copy to change. */
    static Path fixtureMigrations() {
        try {
            return Path.of(TestFiles.class.getResource("/fixture-migrations").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings for the fixture migrations, generating {@link #PACKAGE} into the output directory. */
    static CodegenSettings settings(Path migrations, Path output) {
        return CodegenSettings.forPackage(PACKAGE).withMigrations(List.of(migrations)).withOutputDirectory(output);
    }

    static Regeneration regeneration(CodegenSettings settings, MigratedDatabase.Factory databases) {
        return new Regeneration(settings, PostgresBinaries.bundled(), databases);
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative path to (modification time, content) of every file below a directory. */
    static Map<String, Snapshot> snapshot(Path root) {
        Map<String, Snapshot> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(),
                        new Snapshot(Files.getLastModifiedTime(file), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    record Snapshot(FileTime modified, String content) {
    }
}
