/**
 * Splits a migration file into statements as psql does (dollar quotes, comments, {@code COPY … FROM stdin}), with each
 * statement's line, so that errors name the line and non-transactional files run statement by statement.
 *
 * <p><b>Internal</b>: used by the planner and the executor.
 */
package dev.strata.migrations.sql;
