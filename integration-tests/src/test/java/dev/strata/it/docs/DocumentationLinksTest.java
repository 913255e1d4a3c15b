package dev.strata.it.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation is split over the README, {@code docs/} and {@code benchmarks/README.md}, with links between the
 * pages and to their sections; a moved page or a renamed heading must not leave a link pointing nowhere.
 */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    private static Path root() {
        return Path.of(System.getProperty("strata.projectRoot", "..")).toAbsolutePath().normalize();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root().resolve("README.md"));
        pages.add(root().resolve("benchmarks/README.md"));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkReachesAFileAndEveryAnchorAHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String target : links(Files.readString(page))) {
                if (target.matches("^[a-z]+:.*")) {
                    continue;   // https:, mailto:: not this test's business
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(root().relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(Files.readString(linked)).contains(target.substring(hash + 1))) {
                    broken.add(root().relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(20);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsAreMadeTheWayGitHubMakesThem() {
        assertThat(anchors("""
                ## Repeatable migrations (`R__….sql`)
                ### Live drift: `strata diff`
                ## Output
                ## Output
                """)).containsExactly("repeatable-migrations-r__sql", "live-drift-strata-diff", "output", "output-1");
    }

    /** Link targets outside fenced code blocks. */
    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher matcher = LINK.matcher(line);
                while (matcher.find()) {
                    targets.add(matcher.group(1));
                }
            }
        }
        return targets;
    }

    /** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, "-1", "-2" for repeats. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String slug = heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int repeat = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
        }
        return anchors;
    }
}
