package dev.strata.it.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Getting started in your own project" walks exactly the path of the plugin's sample project
 * {@code generate-and-query}, which {@code strata-maven-plugin}'s invoker build runs (generate, compile, test,
 * check, then the CLI through the project's strata.toml). Every code block of the page marked with
 * {@code <!-- sample: FILE -->} is that file, one marked {@code <!-- sample excerpt: FILE -->} is a run of its lines,
 * and one marked {@code <!-- sample commands: FILE -->} holds the CLI commands the sample's verify.groovy runs; the
 * invoker placeholders are replaced by the values the build gives them.
 */
class GettingStartedTest {
    private static final String PAGE = "docs/getting-started.md";
    private static final String SAMPLE = "strata-maven-plugin/src/it/generate-and-query/";
    private static final Pattern MARKED_BLOCK =
            Pattern.compile("<!-- (sample|sample excerpt|sample commands): (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("(?m)^java -jar strata\\.jar ([^#\\n]*?)\\s*(?:#.*)?$");

    private record Block(String kind, String file, String text) {
    }

    private static Path root() {
        return Path.of(System.getProperty("strata.projectRoot", "..")).toAbsolutePath().normalize();
    }

    private static String read(String file) throws IOException {
        return Files.readString(root().resolve(file));
    }

    private static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = MARKED_BLOCK.matcher(read(PAGE));
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return blocks;
    }

    /** The sample's file as a user's project has it: the invoker's {@code @…@} placeholders filled in. */
    private static String sampleFile(String file) throws IOException {
        String rootPom = read("pom.xml");
        return read(file)
                .replace("@strataVersion@", single(rootPom, "<artifactId>strata-parent</artifactId>\\s*<version>([^<]+)</version>"))
                .replace("@junitVersion@", single(rootPom, "<junit.version>([^<]+)</junit.version>"));
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("the root pom has %s", regex).isTrue();
        return matcher.group(1);
    }

    /** Lines without their indentation (an excerpt is shown un-indented) and without blank lines. */
    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void everyMarkedBlockNamesAFileOfTheSample() throws IOException {
        List<Block> blocks = blocks();
        assertThat(blocks).as("marked blocks in " + PAGE).hasSizeGreaterThanOrEqualTo(10);
        assertThat(blocks).allSatisfy(block -> {
            assertThat(block.file()).startsWith(SAMPLE);
            assertThat(root().resolve(block.file())).isRegularFile();
        });
    }

    @Test
    void wholeFilesAreTheSamplesFiles() throws IOException {
        for (Block block : blocks()) {
            if (block.kind().equals("sample")) {
                assertThat(block.text().strip()).as(block.file()).isEqualTo(sampleFile(block.file()).strip());
            }
        }
    }

    @Test
    void excerptsAreRunsOfTheSamplesLines() throws IOException {
        List<Block> excerpts = blocks().stream().filter(block -> block.kind().equals("sample excerpt")).toList();
        assertThat(excerpts).as("pom.xml excerpts: properties, plugin, schema-api, schema-testing").hasSize(4);
        for (Block block : excerpts) {
            List<String> file = lines(sampleFile(block.file()));
            List<String> excerpt = lines(block.text());
            assertThat(excerpt).isNotEmpty();
            assertThat(Collections.indexOfSubList(file, excerpt))
                    .as("%s contains these lines in this order:%n%s", block.file(), block.text())
                    .isNotNegative();
        }
    }

    @Test
    void theCommandsAreTheOnesTheSampleRuns() throws IOException {
        List<Block> commandBlocks = blocks().stream().filter(block -> block.kind().equals("sample commands")).toList();
        assertThat(commandBlocks).isNotEmpty();
        for (Block block : commandBlocks) {
            String script = read(block.file());
            List<String> commands = COMMAND.matcher(block.text()).results().map(result -> result.group(1)).toList();
            assertThat(commands).as("commands in the block").isNotEmpty();
            for (String command : commands) {
                String call = Arrays.stream(command.split(" ")).map(word -> "'" + word + "'")
                        .collect(Collectors.joining(", ", "strata(", ")"));
                assertThat(script).as("%s runs `strata.jar %s`", block.file(), command).contains(call);
            }
        }
    }

    @Test
    void everySourceFileOfTheSampleIsShownWhole() throws IOException {
        Set<String> sources = new TreeSet<>();
        sources.add(SAMPLE + "strata.toml");
        try (Stream<Path> files = Files.walk(root().resolve(SAMPLE + "src"))) {
            files.filter(Files::isRegularFile).map(path -> root().relativize(path).toString().replace('\\', '/'))
                    .forEach(sources::add);
        }
        Set<String> shown = blocks().stream().filter(block -> block.kind().equals("sample")).map(Block::file)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(shown).isEqualTo(sources);
    }

    @Test
    void thePageCarriesNoPreMergeNotes() throws IOException {
        String page = read(PAGE);
        assertThat(page).doesNotContain("verify after merge").doesNotContain("**Status.**").doesNotContain("For the lead");
        assertThat(page).as("the CLI finds the project's strata.toml by itself").doesNotContain("--config strata.toml");
    }
}
