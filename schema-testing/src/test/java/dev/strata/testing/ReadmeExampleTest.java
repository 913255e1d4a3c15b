package dev.strata.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md ("Testing with Strata") names this module's coordinates as they are. Its example test class is the
 * example system's {@code JobQueueTest}, checked in examples/data-platform.
 */
class ReadmeExampleTest {
    private static final String PAGE = "docs/testing.md";

    @Test
    void theDocumentedDependencyIsThisModule() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("strata.projectRoot", "..")).resolve(PAGE));
        assertThat(docs).contains("""
                <dependency>
                  <groupId>dev.strata</groupId>
                  <artifactId>schema-testing</artifactId>
                  <version>%s</version>
                  <scope>test</scope>
                </dependency>""".formatted(System.getProperty("strata.version")));
    }
}
