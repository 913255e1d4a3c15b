package dev.strata.migrations.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A schema-qualified table name, validated as a plain PostgreSQL identifier so it can be quoted safely. */
public record SchemaTable(String schema, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    public SchemaTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("invalid schema name '" + schema
                    + "': use letters, digits, _ or $, starting with a letter or _, at most 63 characters");
        }
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("invalid table name '" + table
                    + "': use letters, digits, _ or $, starting with a letter or _, at most 63 characters");
        }
    }

    /** The quoted, qualified name for SQL text: {@code "public"."strata_schema_history"}. */
    public String qualified() {
        return '"' + schema + "\".\"" + table + '"';
    }

    public String quotedSchema() {
        return '"' + schema + '"';
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
