package dev.strata.migrations.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporal-sql-tool {@code manifest.json}: the version its directory brings the schema to ({@code CurrVersion}),
 * its description, and its SQL files in the order they run ({@code SchemaUpdateCqlFiles}, the name the tool kept
 * from its Cassandra origins).
 */
record TemporalManifest(String version, String description, List<String> files) {
    static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A manifest that cannot be read, with what is wrong. */
    static final class InvalidManifestException extends Exception {
        InvalidManifestException(String message) {
            super(message);
        }
    }

    static TemporalManifest parse(byte[] json) throws InvalidManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException("is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new InvalidManifestException("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidManifestException("is not a JSON object");
        }
        JsonNode version = root.get("CurrVersion");
        if (version == null || !version.isTextual() || version.asText().isBlank()) {
            throw new InvalidManifestException("has no \"CurrVersion\" (the version its directory brings the schema"
                    + " to, e.g. \"1.2\")");
        }
        JsonNode files = root.get("SchemaUpdateCqlFiles");
        if (files == null || !files.isArray()) {
            throw new InvalidManifestException("has no \"SchemaUpdateCqlFiles\" array (its SQL files, in order)");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode file : files) {
            if (!file.isTextual() || file.asText().isBlank()) {
                throw new InvalidManifestException("lists " + file + " in \"SchemaUpdateCqlFiles\", which is not a"
                        + " file name");
            }
            names.add(file.asText().strip());
        }
        JsonNode description = root.get("Description");
        return new TemporalManifest(version.asText().strip(),
                description == null || !description.isTextual() ? "" : description.asText().strip(), names);
    }
}
