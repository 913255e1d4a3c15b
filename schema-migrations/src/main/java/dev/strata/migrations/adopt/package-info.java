/**
 * Taking over another tool's history ({@code strata adopt}): reads its history table, matches and verifies each applied
 * file (Flyway's CRC32, sqlx's SHA-384; the other tools record none) and records Strata history rows of type {@code ADOPTED} under the migration
 * lock, in one transaction.
 *
 * <p><b>Internal</b>: run by the CLI's {@code adopt} command.
 */
package dev.strata.migrations.adopt;
