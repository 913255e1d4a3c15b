package com.example.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code blocks of the README and of {@code docs/*.md} that show this module's tests: each follows a marker
 * {@code <!-- example: <path of the test> -->}, wherever the page that holds it lives.
 */
public final class Documentation {

    private Documentation() {
    }

    static Path root() {
        return Path.of(System.getProperty("strata.projectRoot", "../.."));
    }

    public static String read(String relativePath) throws IOException {
        return Files.readString(root().resolve(relativePath));
    }

    /** The text of the {@code ```java} block after the marker naming {@code source}; exactly one page holds it. */
    public static String block(String source) throws IOException {
        String start = "<!-- example: " + source + " -->\n```java\n";
        List<String> blocks = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            int from = text.indexOf(start);
            if (from >= 0) {
                int to = text.indexOf("```", from + start.length());
                assertThat(to).as("end of the block after " + start.strip() + " in " + page).isNotNegative();
                blocks.add(text.substring(from + start.length(), to));
            }
        }
        assertThat(blocks).as("pages with the marker " + start.strip()).hasSize(1);
        return blocks.get(0);
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(root().resolve("README.md")));
        Path docs = root().resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }
}
