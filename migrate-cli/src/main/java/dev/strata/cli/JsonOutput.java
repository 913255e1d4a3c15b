package dev.strata.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.PrintWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a JSON document to stdout so that it stays valid after {@link MaskingOutputStream}, which rewrites every
 * line of stdout.
 *
 * <p>The masker works on text lines, not on JSON, so each string value is masked here first, before it is escaped,
 * and the document is written one key per line, so a line holds at most one string value and a redaction can never
 * reach across two. One stream rule would still break a line: {@code ?password=…} (and {@code &…password=…}) is
 * masked up to the next {@code &} or the end of the line, which would swallow the closing quote. The value is
 * already masked, so its {@code ?} or {@code &} is written as a JSON escape ({@code \u003f}, {@code \u0026}):
 * the same string to every JSON reader, and nothing for the line masker to match.
 */
final class JsonOutput {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));
    /** Only inside a string can a letter follow {@code ?} or {@code &} in JSON, so this never touches the syntax. */
    private static final Pattern QUERY_PASSWORD = Pattern.compile("[?&](?=[a-z_]*password=)", Pattern.CASE_INSENSITIVE);

    private JsonOutput() {
    }

    static void print(ObjectNode document, SecretMasker masker, PrintWriter out) {
        String json;
        try {
            json = WRITER.writeValueAsString(masked(document, masker));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of plain values as JSON", e);
        }
        out.println(QUERY_PASSWORD.matcher(json).replaceAll(match -> Matcher.quoteReplacement(
                match.group().equals("?") ? "\\u003f" : "\\u0026")));
        out.flush();
    }

    private static JsonNode masked(JsonNode node, SecretMasker masker) {
        if (node.isTextual()) {
            return TextNode.valueOf(masker.mask(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), masked(field.getValue(), masker));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(masked(element, masker)));
            return copy;
        }
        return node;
    }
}
