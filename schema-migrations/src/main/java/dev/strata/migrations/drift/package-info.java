/**
 * Live schema drift: what a database's catalog holds compared with what its migrations produce.
 *
 * <p>{@link dev.strata.migrations.drift.SchemaSnapshot#read} reads the user schemas of a database through PostgreSQL's
 * own catalog functions into an immutable snapshot; {@link dev.strata.migrations.drift.SchemaDiff#between} compares two
 * snapshots object by object (a pure function); {@link dev.strata.migrations.drift.DriftCheck} replays the migrations a
 * database has applied into an empty scratch database and compares the two, which is what {@code strata diff} runs.
 *
 * <p><b>Public API</b>: the comparison is documented for use from Java (docs/drift.md), without the CLI.
 */
package dev.strata.migrations.drift;
