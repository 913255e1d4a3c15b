package dev.strata.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14, item 16: a data directory of another PostgreSQL major is refused before anything starts. */
class DataDirectoryTest {
    @TempDir
    Path directory;

    @Test
    void refusesADirectoryOfAnotherMajorNamingItAndLeavesItAsItIs() throws Exception {
        Path data = Files.createDirectories(directory.resolve("pgdata"));
        Files.writeString(data.resolve("PG_VERSION"), "13\n");
        Files.writeString(data.resolve("postgresql.conf"), "# made by PostgreSQL 13\n");

        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(data).start())
                .isInstanceOfSatisfying(EmbeddedPostgresException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EmbeddedPostgresException.Kind.INCOMPATIBLE_DATA_DIRECTORY);
                    assertThat(e.remedy()).contains("PostgreSQL 13").contains("pg_upgrade")
                            .doesNotContainIgnoringCase("delete").doesNotContainIgnoringCase("remove");
                })
                .hasMessageContaining("created by PostgreSQL 13").hasMessageContaining("left as it is");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("PG_VERSION", "postgresql.conf");
        }
    }

    @Test
    void refusesANonEmptyDirectoryThatHoldsNoPostgresData() throws Exception {
        Path data = Files.createDirectories(directory.resolve("pgdata"));
        Files.writeString(data.resolve("notes.txt"), "mine\n");

        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(data).start())
                .isInstanceOf(EmbeddedPostgresException.class).hasMessageContaining("no PG_VERSION");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
    }
}
