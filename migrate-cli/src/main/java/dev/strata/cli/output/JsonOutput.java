package dev.strata.cli.output;

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

/**
 * Writes a JSON document to stdout, valid by construction: each string value is masked here, before Jackson escapes
 * it, and the document is written one key per line. {@link MaskingOutputStream} then finds nothing more to mask: a
 * password is masked only in a credential context, which occurs only inside a string value that has already been
 * masked (escaping can break such a context, never make one), so it never touches the syntax.
 */
public final class JsonOutput {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private JsonOutput() {
    }

    public static void print(ObjectNode document, SecretMasker masker, PrintWriter out) {
        String json;
        try {
            json = WRITER.writeValueAsString(masked(document, masker));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of plain values as JSON", e);
        }
        out.println(json);
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
