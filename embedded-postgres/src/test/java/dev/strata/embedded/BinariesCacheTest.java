package dev.strata.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Issue 14, item 2: the binaries run only from a directory the invoking user alone can write; a pre-planted
 * directory that another user could have changed is replaced (when ours) or refused (when not), never used.
 */
class BinariesCacheTest {
    @TempDir
    Path cache;

    @AfterEach
    void forget() {
        Binaries.forgetPrepared();
    }

    @Test
    void unpacksIntoAnOwnerOnlyDirectoryWithAMarker() throws Exception {
        Binaries.Installed installed = Binaries.in(cache.resolve("strata"));
        assertThat(mode(cache.resolve("strata"))).isEqualTo("rwx------");
        assertThat(mode(installed.home())).isEqualTo("rwx------");
        assertThat(Files.readString(installed.home().resolve(Binaries.MARKER))).contains("sha256=").contains("major=");
        assertThat(installed.bin("pg_ctl")).isExecutable();
    }

    @Test
    void replacesADirectoryOfOursThatOthersCouldWrite() throws Exception {
        Path root = cache.resolve("strata");
        Path home = Binaries.in(root).home();
        Binaries.forgetPrepared();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(home.resolve("bin"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = Files.writeString(home.resolve("bin/planted"), "#!/bin/sh\n");

        Binaries.Installed again = Binaries.in(root);

        assertThat(again.home()).isEqualTo(home);
        assertThat(planted).doesNotExist();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("bin"))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void replacesAnUnpackWithoutItsMarker() throws Exception {
        Path root = cache.resolve("strata");
        Path home = Files.createDirectories(root.resolve(Binaries.directoryName()).resolve("bin"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Path fake = Files.writeString(home.resolve("pg_ctl"), "#!/bin/sh\necho planted\n");

        Binaries.in(root);

        assertThat(Files.size(fake)).as("pg_ctl unpacked anew").isGreaterThan(1000);
        assertThat(Files.readString(home.getParent().resolve(Binaries.MARKER))).contains("sha256=");
    }

    @Test
    void refusesADirectoryOwnedByAnotherUser() throws Exception {
        assumeThat(OwnerOnly.currentUid()).as("needs root to make a directory another user owns").isZero();
        Path root = Files.createDirectory(cache.resolve("strata"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path foreign = Files.createDirectory(root.resolve(Binaries.directoryName()));
        Files.setAttribute(foreign, "unix:uid", 65534);

        assertThatThrownBy(() -> Binaries.in(root))
                .isInstanceOfSatisfying(EmbeddedPostgresException.class, e ->
                        assertThat(e.kind()).isEqualTo(EmbeddedPostgresException.Kind.UNSAFE_DIRECTORY))
                .hasMessageContaining(foreign.toString()).hasMessageContaining("owned by user id 65534");
        assertThat(foreign).isEmptyDirectory();
    }

    @Test
    void refusesASymbolicLinkInPlaceOfTheDirectory() throws Exception {
        Path root = Files.createDirectory(cache.resolve("strata"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path elsewhere = Files.createDirectory(cache.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve(Binaries.directoryName()), elsewhere);

        assertThatThrownBy(() -> Binaries.in(root)).isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void refusesACacheRootOthersCanWrite() throws Exception {
        Path root = Files.createDirectory(cache.resolve("strata"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> Binaries.in(root)).isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("mode is 777");
        assertThat(root).isEmptyDirectory();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
