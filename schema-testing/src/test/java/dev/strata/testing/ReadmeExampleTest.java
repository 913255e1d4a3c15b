package dev.strata.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Testing with Strata" section names this module's coordinates as they are. */
class ReadmeExampleTest {

    @Test
    void theDocumentedDependencyIsThisModule() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("strata.projectRoot", "..")).resolve("README.md"));
        assertThat(docs).contains("""
                <dependency>
                  <groupId>dev.strata</groupId>
                  <artifactId>schema-testing</artifactId>
                  <version>%s</version>
                  <scope>test</scope>
                </dependency>""".formatted(System.getProperty("strata.version")));
    }
}
