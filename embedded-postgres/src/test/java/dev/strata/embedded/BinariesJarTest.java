package dev.strata.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binaries from a named jar (how the code generator runs another PostgreSQL version than the bundled one). */
class BinariesJarTest {
    @TempDir
    Path cache;

    @AfterEach
    void forget() {
        Binaries.forgetPrepared();
    }

    @Test
    void aNamedBinariesJarIsUnpackedAndStarted() throws Exception {
        Path jar = bundledJar();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().nonDurable().binariesCache(cache)
                .binariesJar(jar).start()) {
            assertThat(server.major()).isEqualTo(Binaries.in(cache, Optional.of(jar)).major());
            try (java.sql.Connection connection = server.dataSource("postgres").getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aJarWithoutBinariesForThisPlatformIsNamed() throws Exception {
        Path jar = cache.resolve("not-binaries.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Binaries.in(cache.resolve("strata"), Optional.of(jar)))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining(jar.toString()).hasMessageContaining("holds no PostgreSQL binaries");
    }

    private static Path bundledJar() throws Exception {
        URL resource = BinariesJarTest.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
        assertThat(resource).as("the bundled binaries jar is on the test class path").isNotNull();
        JarURLConnection connection = (JarURLConnection) resource.openConnection();
        return Path.of(connection.getJarFileURL().toURI());
    }
}
