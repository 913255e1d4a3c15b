/**
 * Splits a migration file into statements as psql does (dollar quotes, comments, {@code COPY … FROM stdin}), each a
 * {@link dev.strata.migrations.core.SqlStatement} with its line, so that errors name the line and non-transactional
 * files run statement by statement; and reads what a failure's SQLSTATE says about the connection
 * ({@link dev.strata.migrations.sql.SqlStates}).
 *
 * <p><b>Internal</b>: used by the planner, the executor and every step that reports a database error.
 */
package dev.strata.migrations.sql;
