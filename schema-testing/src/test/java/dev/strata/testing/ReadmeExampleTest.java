package dev.strata.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of docs/testing.md ("Testing with Strata") is {@code example/JobQueueTest.java} as it is compiled and
 * run here, from its first import to its last line; the dependency it documents is this module's.
 */
class ReadmeExampleTest {
    private static final String PAGE = "docs/testing.md";
    private static final String EXAMPLE = "schema-testing/src/test/java/dev/strata/testing/example/JobQueueTest.java";

    @Test
    void theDocumentationShowsExactlyTheTestThatRuns() throws IOException {
        Path root = Path.of(System.getProperty("strata.projectRoot", ".."));
        String source = Files.readString(root.resolve(EXAMPLE));
        String docs = Files.readString(root.resolve(PAGE));
        String tested = source.substring(source.indexOf("\nimport ") + 1).strip();
        String start = "<!-- example: " + EXAMPLE + " -->\n```java\n";
        int from = docs.indexOf(start);
        assertThat(from).as(PAGE + " marker " + start.strip()).isNotNegative();
        int to = docs.indexOf("```", from + start.length());
        assertThat(docs.substring(from + start.length(), to).strip()).isEqualTo(tested);
    }

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
