/**
 * The second step: Strata's history table in the database (created when missing, read, written one row per applied,
 * undone, baselined or adopted file), the objects of a schema without history, and other tools' history tables
 * recognised by their columns.
 *
 * <p><b>Internal</b>: only the engine reads and writes the history; its row type still appears in some public
 * signatures (listed by the architecture rules until the identity refactor of issue #18).
 */
package dev.strata.migrations.history;
