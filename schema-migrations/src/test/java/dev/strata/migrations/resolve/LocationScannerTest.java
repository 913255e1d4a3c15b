package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocationScannerTest {
    private final LocationScanner scanner = new LocationScanner(LocationScannerTest.class.getClassLoader());

    @Test
    void findsSqlFilesRecursivelyIncludingSymbolicLinksToFilesButNotDirectoriesNamedSql(@TempDir Path dir)
            throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("V2__linked.sql"), "select 2;");
        Path root = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(root.resolve("V1__plain.sql"), "select 1;");
        Files.createDirectories(root.resolve("nested"));
        Files.writeString(root.resolve("nested/V3__nested.SQL"), "select 3;");
        Files.createDirectories(root.resolve("not_a_file.sql"));
        Files.createSymbolicLink(root.resolve("V2__linked.sql"), shared.resolve("V2__linked.sql"));
        Files.writeString(root.resolve("README.md"), "not sql");

        List<ScriptFile> files = scanner.scan(new Location.Filesystem(root));

        assertThat(files).extracting(ScriptFile::name)
                .containsExactlyInAnyOrder("V1__plain.sql", "V2__linked.sql", "V3__nested.SQL");
        assertThat(files).filteredOn(file -> file.name().equals("V3__nested.SQL")).extracting(ScriptFile::path)
                .containsExactly(root + "/nested/V3__nested.SQL");
        assertThat(files).filteredOn(file -> file.name().equals("V2__linked.sql"))
                .extracting(file -> new String(file.content())).containsExactly("select 2;");
    }

    @Test
    void followsASymlinkedLocationAndSymlinkedDirectoriesInsideIt(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("V1__one.sql"), "select 1;");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/more"));
        Files.writeString(elsewhere.resolve("V2__two.sql"), "select 2;");
        Files.createSymbolicLink(real.resolve("linked-dir"), elsewhere);
        Path location = Files.createSymbolicLink(dir.resolve("location"), real);

        List<ScriptFile> files = scanner.scan(new Location.Filesystem(location));

        assertThat(files).extracting(ScriptFile::path)
                .containsExactlyInAnyOrder(location + "/V1__one.sql", location + "/linked-dir/V2__two.sql");
    }

    @Test
    void aLinkBackToAnEnclosingDirectoryIsWalkedOnce(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("migrations/sub"));
        Files.writeString(root.resolve("V1__one.sql"), "select 1;");
        Files.createSymbolicLink(root.resolve("loop"), dir.resolve("migrations"));

        List<ScriptFile> files = scanner.scan(new Location.Filesystem(dir.resolve("migrations")));

        assertThat(files).extracting(ScriptFile::name).containsExactly("V1__one.sql");
    }

    @Test
    void aDanglingLinkIsReportedByName(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(root.resolve("V1__one.sql"), "select 1;");
        Files.createSymbolicLink(root.resolve("V2__gone.sql"), dir.resolve("deleted.sql"));
        Location location = new Location.Filesystem(root);

        assertThatThrownBy(() -> scanner.scan(location)).isInstanceOf(LocationNotFoundException.class)
                .hasMessage("migration location " + location + " holds a broken symbolic link: " + root
                        + "/V2__gone.sql points at " + dir.resolve("deleted.sql") + ", which does not exist");
    }

}
