package dev.strata.migrations.drift;

/**
 * The kinds of schema object a {@link SchemaSnapshot} holds, in the order a {@link SchemaDiff} lists them: containers
 * and types first, then relations and what hangs off them, then code.
 */
public enum ObjectKind {
    SCHEMA("schema"),
    EXTENSION("extension"),
    ENUM("enum type"),
    DOMAIN("domain"),
    /** A composite or range type created with {@code CREATE TYPE}. */
    TYPE("type"),
    SEQUENCE("sequence"),
    TABLE("table"),
    COLUMN("column"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    VIEW("view"),
    MATERIALIZED_VIEW("materialized view"),
    FUNCTION("function"),
    PROCEDURE("procedure"),
    TRIGGER("trigger");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** How the text output names the kind: {@code index}, {@code materialized view}, … */
    public String label() {
        return label;
    }
}
