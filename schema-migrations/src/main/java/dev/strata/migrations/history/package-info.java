/**
 * The second step: Strata's history table in the database (created when missing, read, written one row per applied,
 * undone, baselined or adopted file), the objects of a schema without history, and other tools' history tables
 * recognised by their columns.
 *
 * <p><b>Internal</b>: only the engine reads and writes the history; a row it reads is a
 * {@link dev.strata.migrations.core.HistoryRow}, a public value.
 */
package dev.strata.migrations.history;
