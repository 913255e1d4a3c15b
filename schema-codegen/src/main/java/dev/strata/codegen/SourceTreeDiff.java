package dev.strata.codegen;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A file-by-file comparison of two directory trees (the committed generated sources and a fresh generation), with a
 * unified diff of every file that differs, like {@code diff -ruN committed regenerated}.
 *
 * @param files one entry per relative path that is missing on one side or differs in content, sorted by path
 */
public record SourceTreeDiff(List<FileDifference> files) {
    private static final int CONTEXT_LINES = 3;

    /** One differing file; {@code unifiedDiff} holds the {@code ---}/{@code +++} header and the hunks. */
    public record FileDifference(String path, String unifiedDiff) {
    }

    public SourceTreeDiff {
        files = List.copyOf(files);
    }

    /** Compares every regular file below the two directories; a missing directory counts as empty. */
    public static SourceTreeDiff compare(Path committed, Path regenerated) {
        TreeSet<String> paths = new TreeSet<>(relativeFiles(committed));
        paths.addAll(relativeFiles(regenerated));
        List<FileDifference> differences = new ArrayList<>();
        for (String path : paths) {
            byte[] before = read(committed.resolve(path));
            byte[] after = read(regenerated.resolve(path));
            if (!Arrays.equals(before, after)) {
                differences.add(new FileDifference(path, unifiedDiff(path, before, after)));
            }
        }
        return new SourceTreeDiff(differences);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** The whole diff, then the command that fixes it; empty when the trees are identical. */
    public String report(String what, String fixCommand) {
        if (isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append(what).append(": ").append(files.size()).append(files.size() == 1 ? " file differs" : " files differ")
                .append(" (--- committed, +++ regenerated from the migrations):\n");
        for (FileDifference file : files) {
            text.append(file.unifiedDiff());
        }
        text.append("\nRegenerate (and commit the result if the generated sources are committed):\n    ")
                .append(fixCommand).append('\n');
        return text.toString();
    }

    private static String unifiedDiff(String path, byte[] before, byte[] after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : "committed/" + path,
                after == null ? "/dev/null" : "regenerated/" + path,
                original, DiffUtils.diff(original, revised), CONTEXT_LINES);
        if (diff.isEmpty()) {
            // Same lines, different bytes: line endings, a byte-order mark or the final newline.
            return "--- committed/" + path + "\n+++ regenerated/" + path
                    + "\n@@ the files differ only in line endings, a byte-order mark or the final newline @@\n";
        }
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(byte[] content) {
        if (content == null) {
            return List.of();
        }
        return new String(content, StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> relativeFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
