package dev.strata.migrations.lint;

/**
 * A table column as the catalog describes it after a statement, for the style rules.
 *
 * @param table      {@code schema.table}
 * @param type       as {@code format_type} writes it, e.g. {@code timestamp(3) without time zone}, {@code character(2)}
 * @param serial     whether its default takes the next value of a sequence it owns ({@code serial}, {@code bigserial}),
 *                   not an identity column
 * @param primaryKey whether it is (part of) its table's primary key
 */
public record ColumnType(String table, String column, String type, boolean serial, boolean primaryKey) {
}
