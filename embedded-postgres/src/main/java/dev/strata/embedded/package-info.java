/**
 * The embedded PostgreSQL every part of the toolkit starts when no server is given:
 * {@link dev.strata.embedded.EmbeddedPostgres}, with password-only access, an owner-only binaries cache and durability
 * unless asked otherwise. The only place a server is started.
 *
 * <p><b>Public API</b>: published as {@code strata-embedded-postgres} and documented for use from Java
 * (docs/security.md).
 */
package dev.strata.embedded;
